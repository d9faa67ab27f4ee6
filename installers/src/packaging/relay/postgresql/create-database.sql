-- PostgreSQL set-up for the Fieldlink relay (PostgreSQL 13 or newer): one login role owning one database.
-- Run once as a superuser, with the password the relay will use:
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -v password="$(cat /etc/fieldlink-relay/db.password)" \
--       -f create-database.sql
-- The relay creates and migrates its tables itself on every start (Flyway, from the migrations inside its jar;
-- migrations/ in this distribution holds the same SQL to read). Then put the lines of relay-postgresql.yaml into
-- /etc/fieldlink-relay/relay.yaml.

SET password_encryption = 'scram-sha-256';
CREATE ROLE fieldlink_relay LOGIN PASSWORD :'password';
CREATE DATABASE fieldlink OWNER fieldlink_relay ENCODING 'UTF8' TEMPLATE template0;

\connect fieldlink
-- Only the relay's role creates objects here (PostgreSQL 15 and newer do this by default).
ALTER SCHEMA public OWNER TO fieldlink_relay;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE fieldlink FROM PUBLIC;
