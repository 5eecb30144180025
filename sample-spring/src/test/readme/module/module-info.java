// README: module-info
