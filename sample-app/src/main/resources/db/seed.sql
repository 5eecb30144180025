-- The demo data. Every account's password is "demo"; the hash is sha256:<salt>:<SHA-256 of "<salt>:demo">.

INSERT INTO account (id, username, full_name, user_role, region, email, active, password_hash) VALUES
    (1,  'demo_administrator', 'Ada Admin',      'Administrator', NULL,    'ada@shop.example',   TRUE, 'sha256:dca9e2edda62e540:62bfed609d27cfbc70dc99d0fa3d02a7a284b760c99500f24966fd5d9bccd16d'),
    (2,  'demo_salesmanager',  'Sam Manager',    'SalesManager',  NULL,    'sam@shop.example',   TRUE, 'sha256:b62d80d6c49a88e5:c287cda7ac58420cc016ebda44199fd652c250c9877dde3eadb3f0a4be946aca'),
    (3,  'demo_salesrep',      'Rita Rep',       'SalesRep',      'North', 'rita@shop.example',  TRUE, 'sha256:19b2e48daa6d273e:492aa8ca4067a51eda84430c576ac4d7a5312e641db3f56a9b2d9cb347ee0042'),
    (4,  'rosa',               'Rosa Rep',       'SalesRep',      'South', 'rosa@shop.example',  TRUE, 'sha256:af6aaaf40a3b31ad:d18883825557286674c4fdc2f84badd715c45bf9a94832d7dd66b89840dfbef2'),
    (10, 'demo_customer',      'Carol Customer', 'Customer',      NULL,    'carol@acme.example', TRUE, 'sha256:668a87a1b8750266:e177662c809a9b0bd0582b425f5b3df1e0666fc56385ec89a757b004fbb96c86'),
    (11, 'dave',               'Dave Buyer',     'Customer',      NULL,    'dave@globex.example', TRUE, 'sha256:44795d31deaae1fe:336efe38678663c31a5dfee6b9f3b821f3c975ce16865c1ab2a98d95bc72fc23'),
    (12, 'erin',               'Erin Buyer',     'Customer',      NULL,    'erin@initech.example', FALSE, 'sha256:b52e89da278b0d12:824d86fcb86df4521c8758343d7fa997193d8f97836b8a3b2eca4c0836b3cdb3');

INSERT INTO customer (id, name, region, account_manager, user_id, email, credit_limit) VALUES
    (100, 'Acme Corp', 'North', 3, 10,   'orders@acme.example',       5000.00),
    (101, 'Globex',    'North', 4, 11,   'purchasing@globex.example', 12000.00),
    (102, 'Initech',   'South', 4, 12,   'it@initech.example',        2500.00),
    (103, 'Hooli',     'West',  3, NULL, 'buy@hooli.example',         20000.00);

INSERT INTO product (id, name, price, cost_price, active) VALUES
    (1, 'Anvil',         99.00,  40.00,  TRUE),
    (2, 'Rocket skates', 250.00, 180.00, TRUE),
    (3, 'Giant magnet',  75.00,  30.00,  FALSE);

-- Orders are dated relative to the moment the database is seeded (created_date and changed_by are Warden's system
-- members; a new order gets them from Warden): 1000 and 1002 are fresh, 1001, 1003 and 1004 older than a week.
INSERT INTO orders (id, customer_id, owner, status, total, note, created_date, changed_by) VALUES
    (1000, 100, 10, 'DRAFT',     99.00,  'Leave it at the back door', CURRENT_TIMESTAMP - INTERVAL '2' DAY,  10),
    (1001, 100, 10, 'SHIPPED',   440.00, NULL,                        CURRENT_TIMESTAMP - INTERVAL '30' DAY, 3),
    (1002, 101, 11, 'PLACED',    225.00, NULL,                        CURRENT_TIMESTAMP - INTERVAL '5' DAY,  11),
    (1003, 102, 12, 'CANCELLED', 99.00,  'Ordered twice by mistake',  CURRENT_TIMESTAMP - INTERVAL '20' DAY, 2),
    (1004, 103, 2,  'PLACED',    960.00, 'Phoned in',                 CURRENT_TIMESTAMP - INTERVAL '10' DAY, 2);

INSERT INTO order_line (id, order_id, product_id, quantity, unit_price) VALUES
    (5000, 1000, 1, 1, 99.00),
    (5001, 1001, 2, 1, 250.00),
    (5002, 1001, 1, 2, 95.00),
    (5003, 1002, 3, 3, 75.00),
    (5004, 1003, 1, 1, 99.00),
    (5005, 1004, 2, 4, 240.00);
