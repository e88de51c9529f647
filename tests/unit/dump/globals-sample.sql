--
-- PostgreSQL database cluster dump
--

\restrict tdVkCzKkAb8ySFNT9Yiui468LbpjUb86bUOIb9GgihmZIybvBAeDNbhsstUAud2

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE "Bob ""the"" Builder";
ALTER ROLE "Bob ""the"" Builder" WITH NOSUPERUSER INHERIT NOCREATEROLE CREATEDB NOLOGIN NOREPLICATION NOBYPASSRLS;
CREATE ROLE alice;
ALTER ROLE alice WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 5 PASSWORD 'SCRAM-SHA-256$4096:lGqS/NslfdWpCZChOgVhBA==$uLy9vnbUyTegDMibViD8iY8cWJeehbhK4GVZ83ObBdw=:0S58j4uEMcZV4eoFQLPUttoGNTNVAAu7wluZJS1M1vU=' VALID UNTIL '2030-01-01 00:00:00+00';
COMMENT ON ROLE alice IS 'Alice''s account; -- not a comment';
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;
CREATE ROLE readers;
ALTER ROLE readers WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB NOLOGIN NOREPLICATION NOBYPASSRLS;
CREATE ROLE "ünïcødé rôle";
ALTER ROLE "ünïcødé rôle" WITH NOSUPERUSER INHERIT CREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;

--
-- User Configurations
--

--
-- User Config "alice"
--

ALTER ROLE alice SET search_path TO 'app, public';


--
-- Role memberships
--

GRANT readers TO "Bob ""the"" Builder" WITH ADMIN OPTION GRANTED BY postgres;
GRANT readers TO alice GRANTED BY postgres;
GRANT "ünïcødé rôle" TO alice GRANTED BY "Bob ""the"" Builder";




--
-- Tablespaces
--

CREATE TABLESPACE "fast space" OWNER alice LOCATION '/tmp/gsample-poyo/ts1';
CREATE TABLESPACE plain OWNER postgres LOCATION '/tmp/gsample-poyo/ts2';
ALTER TABLESPACE plain SET (random_page_cost=1.1);
GRANT ALL ON TABLESPACE plain TO readers;
COMMENT ON TABLESPACE plain IS 'plain ts';


\unrestrict tdVkCzKkAb8ySFNT9Yiui468LbpjUb86bUOIb9GgihmZIybvBAeDNbhsstUAud2

--
-- PostgreSQL database cluster dump complete
--

