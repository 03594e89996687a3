-- Feature switches for pilots (issue 18, item 6): the operator turns a capability off (or on
-- again) for everyone (`scope` = '*') or for one structure (`scope` = its id). A structure's
-- own switch wins over the global one; no row at all: the capability is on.
CREATE TABLE feature_switches (
    feature TEXT NOT NULL,
    scope TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    set_by TEXT NOT NULL,
    set_at INTEGER NOT NULL,
    PRIMARY KEY (feature, scope)
);
