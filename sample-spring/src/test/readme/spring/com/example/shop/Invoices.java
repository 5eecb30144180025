// README: invoices
