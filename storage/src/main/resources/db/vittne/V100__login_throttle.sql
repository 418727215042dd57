-- Login and password-reset throttling (R-2x) shared by every admin-api node: bucket4j's
-- PostgreSQL proxy manager keeps one token bucket per key here. Keys are SHA-256 hashes of
-- "purpose:account" or "purpose:address", so the table never holds an e-mail address in clear,
-- not even one that has no login. Numbered from 100 so it never collides with storage's own.

create table login_throttle (
    id          varchar(128) primary key,
    state       bytea,
    -- epoch milliseconds after which the bucket is full again and the row may be removed
    expires_at  bigint
);
create index login_throttle_expiry on login_throttle (expires_at);
