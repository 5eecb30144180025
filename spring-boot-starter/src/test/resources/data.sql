INSERT INTO note (id, owner, title, body, region, published) VALUES
    (1, 2, 'Wes draft', 'Wes body', 'North', FALSE),
    (2, 2, 'Wes published', 'Wes public body', 'North', TRUE),
    (3, 3, 'Nina draft', 'Nina body', 'South', FALSE),
    (4, 1, 'Ada north memo', 'Ada body', 'North', FALSE),
    (5, 3, 'Nina published', 'Nina public body', 'South', TRUE);
INSERT INTO memo (id, owner, title, region, published) VALUES
    (1, 2, 'Wes draft', 'North', FALSE),
    (2, 2, 'Wes published', 'North', TRUE),
    (3, 3, 'Nina draft', 'South', FALSE),
    (4, 1, 'Ada memo', 'North', FALSE);
