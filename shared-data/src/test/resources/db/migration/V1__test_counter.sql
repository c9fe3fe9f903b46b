CREATE TABLE test_counter (
    name  TEXT PRIMARY KEY,
    value INT  NOT NULL
);
