<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>PgVault</name>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 PiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query has not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A COPY statement cannot be run as an asynchronous query on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid connection string or postgresql:// URI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a PostgreSQL connection option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: waiting for the network failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open database connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A COPY statement cannot be run through exec() on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be used as a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text cannot be quoted for SQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 asks for a password and none was given. Enter the password (it can be kept in the keychain) or add it to ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to %1 (database “%2”): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query on %1 (database “%2”) was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (server %2, database “%3”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1 timed out after %n second(s). Check the host name, the port and that no firewall drops the connection.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server %1 (database “%2”) did not answer within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user “%1” lacks the REPLICATION privilege: physical base backups and WAL streaming are not possible; logical dumps still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A superuser can grant it with the SQL below (and pg_hba.conf needs a line for the “replication” database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wal_level is minimal: the WAL lacks what base backups, WAL archiving and point-in-time recovery need, so only logical dumps are possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set wal_level to replica and restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive_mode is off: finished WAL segments are not archived, so point-in-time recovery between backups is not possible (unless WAL is streamed with wal-receive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn archiving on with the archiving assistant, or set archive_mode and archive_command and restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiving is on but neither archive_command nor archive_library is set: WAL segments pile up in pg_wal until the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set archive_command to PgVault&apos;s wal-push (the archiving assistant does it) and reload the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The archiver has failed %n time(s); last failure on %1 for segment %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Archiving is failing now: WAL segments pile up in pg_wal and point-in-time recovery past the last archived segment is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the server log for the archive_command&apos;s error and fix the command or the repository it writes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments have been archived successfully since (last: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_wal_senders is 0: base backups and WAL streaming are not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set max_wal_senders to at least 2 and restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n replication slot(s) are in use: wal-receive cannot create a slot of its own.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Drop unused slots or raise max_replication_slots (restart needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data checksums are off: damaged data pages are not detected while backing up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They can be enabled with pg_checksums --enable while the server is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory is unknown to the user “%1”, so PgVault cannot tell whether the server runs on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant pg_read_all_settings to the user to let PgVault see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumps and dump restores of this server are not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point-in-time restores and test restores of this server are not possible here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of PostgreSQL %2 is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of PostgreSQL %2 or newer is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory is unknown: reading it needs superuser or membership in pg_read_all_settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server version and role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the replication slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archiver statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is reached over the network at %1, so its data directory is not on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected locally, but the data directory is unknown (it needs superuser or pg_read_all_settings), so PgVault cannot tell whether it is on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected locally, but the data directory %1 does not exist here (the server may run in a container or another namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory %1 exists here, but its PG_VERSION file cannot be read by this user (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory %1 here belongs to PostgreSQL %2, not to the PostgreSQL %3 server connected to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server runs on this machine: connected via %1 and its data directory %2 is readable here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job ended without a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no space left on %1; free some space or choose another repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to %1: the file system is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied on %1; check its owner and mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input/output error on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists but is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than expected (more than %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no repository at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PgVault repository (it has no %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: it does not describe a PgVault repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository at %1 uses format version %2, but this PgVault only understands version %3; update PgVault to use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty and is not a PgVault repository; choose an empty or new folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by pid %2 on %3 since %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked by another PgVault process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no valid system identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged at byte %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory for decompression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is truncated (%1 bytes where a compressed frame should start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no zstd frame starts here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the compressed frame carries no content checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content checksum does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends in the middle of a compressed frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decompresses to more than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory for compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds files that are not the sandbox&apos;s; PgVault leaves it alone. Remove them, or choose another folder with PGVAULT_SANDBOX_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server is still running on %1 and could not be stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the sandbox&apos;s data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sandbox already exists in %1. Start it (pgvault-cli sandbox start), or remove it first (pgvault-cli sandbox remove) to create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty and is not a sandbox. Choose an empty or new folder with PGVAULT_SANDBOX_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault runs as root; the sandbox server will run as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using PostgreSQL %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pgvault-cli was not found next to this program. The sandbox archives its WAL with it; reinstall PgVault, or set PGVAULT_CLI to its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repository is configured for the sandbox&apos;s WAL archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the remains of an interrupted sandbox creation in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free port was found for the sandbox near %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is in use; the sandbox uses port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server runs as “%1”, which cannot write to %2 (a parent folder is closed to it). Choose a folder that user can reach with PGVAULT_SANDBOX_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initdb could not create the sandbox cluster in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the repository for the sandbox&apos;s WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server runs as “%1” and cannot write WAL into the repository %2. Give that user write access to it, or choose another repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server runs as “%1”, which cannot run %2 to archive WAL. Install PgVault where that user can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL will be archived to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the sample database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample database “%1” holds %2 customers, %3 products and %4 orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the repository %1 made for the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the sandbox&apos;s lock file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is being created, started, stopped or removed by another PgVault window or command right now. Wait until that has finished, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not lock %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sandbox in %1 yet. Create it first (pgvault-cli sandbox create).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the sandbox&apos;s socket folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the sandbox&apos;s socket folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not protect the sandbox&apos;s socket folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 should be the sandbox&apos;s private socket folder, but it is not a folder owned by “%2”. Remove it, or choose another folder with PGVAULT_SANDBOX_SOCKET_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server did not start. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server did not stop. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox description is damaged (%1). Remove the sandbox and create it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox was made by a different PgVault version (format %1, this version reads %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sandbox yet (%1 is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds the remains of an interrupted sandbox creation; creating the sandbox removes them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is needed: the sandbox listens only on the unix socket in %1, a folder only its owner (and root) can open, and never on the network. It is a demo server: don&apos;t keep data in it that you need to protect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault runs as root and PostgreSQL refuses to, so the sandbox server runs as the user “%1”. Its files are in %2 and its WAL goes to %3, both owned by that user, where it can reach them (root&apos;s home folder is private).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL is archived to the repository %1 (archive_command runs “pgvault-cli wal-push”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server process exists but did not accept a connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox needs a PostgreSQL server installation (initdb, pg_ctl and postgres), and none was found. Install the Debian package “postgresql” (sudo apt install postgresql), or add the bin directory of an installation with --pg-bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox was created with PostgreSQL %1, whose server programs are no longer installed. Install the Debian package “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault runs as root, and PostgreSQL refuses to run as root, so the sandbox server must run as the user “%1”, which does not exist. Install the “postgresql” package (it creates that user) or run PgVault as a normal user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the current user (uid %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server cannot run as “%1”: that user is root, and PostgreSQL refuses to run as root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault runs as root and needs “runuser” to start the sandbox server as the user “%1”. Install the “util-linux” package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not hand “%1” over to the user “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection string contains %1. PgVault never stores secrets in its settings: remove it from the connection string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase of an SSL key (sslpassword)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password inside the database name (dbname)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault could not take the password out of this connection string. Remove the password from it and enter the password separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version of %1 could not be determined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found. Install the Debian package postgresql-client or add its bin directory with --pg-bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of PostgreSQL %2 was not found. Install the Debian package %3 or add its bin directory with --pg-bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of PostgreSQL %2 or newer was not found. Install the Debian package %3 or add its bin directory with --pg-bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too short to be pg_control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no system identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is archived for several servers (%2); restore into a data directory, or run wal-get from inside one, so PgVault can tell which server&apos;s WAL to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WAL file name (a segment, .partial, .backup or .history file name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold the WAL its name promises (its first page is for LSN %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell which server %1 belongs to: %2 is not readable; run wal-push from the data directory, as archive_command does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing to overwrite %1 with different content from %2: the repository already holds a different file of that name. Is another server archiving into this repository with the same system identifier, or was the WAL file changed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored copy %1 is damaged; refusing to overwrite it. Check it with `pgvault-cli verify`, move it aside, and PostgreSQL&apos;s next retry will store the file again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 bytes long, but its header says WAL segments are %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file PostgreSQL archives (a WAL segment, .partial, .backup or .history file name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WAL segment: it is shorter than a page header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a PostgreSQL version PgVault does not know (WAL page magic %2); PostgreSQL 14 to 18 are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WAL segment (page magic %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not start with a valid WAL segment header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 describes backup %2 of server %3, but it lies in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no backup %1 in the repository at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: the field “%2” is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: the field “%2” has an invalid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses manifest format version %2, but this PgVault only understands version %3; update PgVault to read this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: the file “%2” is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1 was abandoned before %2 was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of backup %2 is already closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot choose a new backup id in %1: %2 folders for this second exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be stored in a backup: not a valid relative file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1 is already closed; %2 cannot be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1 already holds %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1 is already committed or abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>backup %1 cannot be completed: %n file(s) are still being written</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bytes, but the manifest says %3 (truncated or overwritten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match its checksum: it was changed or damaged after it was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decompresses to %2 bytes, but the manifest says %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dump manifest %1 is damaged: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown dump format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no list of databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format of database “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no files for database “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file %1 is damaged: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds %1 bytes instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its checksum does not match the manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a temporary folder in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_restore cannot read it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A selective restore needs at least one schema or table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup holds no table “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup holds no schema “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not restored: it needs %2, which is not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is restored too: %2 needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs %2, which is not restored; it must exist in the target database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive&apos;s table of contents could not be read: a dependency list without an entry (line %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive&apos;s table of contents could not be read (line %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive&apos;s table of contents lists no entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a complete dump, so it has no table of contents to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds no database “%2” (it holds %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup stores no table of contents for “%1”, so its objects cannot be listed. The whole database can still be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base backup details in %1 are damaged (field “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a base-backup message PgVault does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tar archive continues after its end marker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tar archive has a damaged member header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 is not listed in backup_manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 is in the archives more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 has %3 bytes, but backup_manifest says %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 does not match its SHA256 checksum in backup_manifest: it was changed or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 cannot be checked: backup_manifest uses the checksum algorithm %3, which is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file %1 (PostgreSQL&apos;s backup manifest) is damaged: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its last line is not its checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not match its own Manifest-Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file %1 (PostgreSQL&apos;s backup manifest) is damaged: it is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no Manifest-Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to the server %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no &quot;Files&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &quot;Files&quot; entry has no path or size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry of %1 has an algorithm but no checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it lists %1 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable tar archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it ends before the tar end marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 is listed in backup_manifest but missing from the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The backup %1 is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 is incomplete (it has no manifest) and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of backup %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::BackupListModel</name>
    <message>
        <source>Backup %1
%2</source>
        <translation>Sicherung %1
%2</translation>
    </message>
    <message>
        <source>Dump</source>
        <translation>Dump</translation>
    </message>
    <message>
        <source>Base backup</source>
        <translation>Basissicherung</translation>
    </message>
    <message>
        <source>Whole server</source>
        <translation>Ganzer Server</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Incomplete (debris)</source>
        <translation>Unvollständig (Reste)</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Complete, verified</source>
        <translation>Vollständig, geprüft</translation>
    </message>
    <message>
        <source>This backup is being written right now.</source>
        <translation>Diese Sicherung wird gerade geschrieben.</translation>
    </message>
    <message>
        <source>The manifest cannot be read: %1</source>
        <translation>Das Manifest kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The manifest cannot be read.</source>
        <translation>Das Manifest kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Complete. Verify reads every file back and checks it against the manifest.</source>
        <translation>Vollständig. „Prüfen“ liest jede Datei zurück und vergleicht sie mit dem Manifest.</translation>
    </message>
    <message>
        <source>Verified at %1: every file matches its checksum.</source>
        <translation>Geprüft am %1: Jede Datei stimmt mit ihrer Prüfsumme überein.</translation>
    </message>
    <message>
        <source>Verify found problems at %1:
%2</source>
        <translation>Die Prüfung am %1 hat Probleme gefunden:
%2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Raw size</source>
        <translation>Rohgröße</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>This backup is being deleted right now.</source>
        <translation>Diese Sicherung wird gerade gelöscht.</translation>
    </message>
    <message>
        <source>What is left of a backup whose deletion was interrupted. It is not a backup any more; Remove Debris removes the rest.</source>
        <translation>Reste einer Sicherung, deren Löschen unterbrochen wurde. Sie ist keine Sicherung mehr; „Reste entfernen“ entfernt den Rest.</translation>
    </message>
    <message>
        <source>This folder has no manifest: a backup that never finished (for example after a crash). It cannot be restored; verify reports it, and Remove Debris removes it.</source>
        <translation>Dieser Ordner hat kein Manifest: eine Sicherung, die nie fertig wurde (zum Beispiel nach einem Absturz). Sie kann nicht wiederhergestellt werden; „Prüfen“ meldet sie, und „Reste entfernen“ entfernt sie.</translation>
    </message>
</context>
<context>
    <name>PgVault::BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Filter backups (Ctrl+F)</source>
        <translation>Sicherungen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Show only backups whose date, id, kind, databases or status contain this text</source>
        <translation>Nur Sicherungen zeigen, deren Datum, ID, Art, Datenbanken oder Status diesen Text enthalten</translation>
    </message>
    <message>
        <source>No backups yet</source>
        <translation>Noch keine Sicherungen</translation>
    </message>
    <message>
        <source>New Dump…</source>
        <translation>Neuer Dump…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>The repository could not be read: %1</source>
        <translation>Das Repository konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation>Repository: %1</translation>
    </message>
    <message>
        <source>PgVault could not connect to this server yet, so it does not know which backups in the repository are its own. Connect on the Overview page to list them.</source>
        <translation>PgVault konnte sich noch nicht mit diesem Server verbinden und weiß daher nicht, welche Sicherungen im Repository zu ihm gehören. Verbinden Sie sich auf der Übersichtsseite, um sie aufzulisten.</translation>
    </message>
    <message>
        <source>Connecting to the server to find its backups…</source>
        <translation>Verbindung zum Server, um seine Sicherungen zu finden…</translation>
    </message>
    <message>
        <source>Reading the repository…</source>
        <translation>Repository wird gelesen…</translation>
    </message>
    <message>
        <source>There are no dumps or base backups of “%1” in the repository yet. A dump copies chosen databases with pg_dump, compressed and checked, so that you can restore them, whole or a few tables, into any server.</source>
        <translation>Im Repository gibt es noch keine Dumps oder Basissicherungen von „%1“. Ein Dump kopiert ausgewählte Datenbanken mit pg_dump, komprimiert und geprüft, damit Sie sie ganz oder einzelne Tabellen in jeden Server wiederherstellen können.</translation>
    </message>
    <message>
        <source>No backup matches “%1”.</source>
        <translation>Keine Sicherung passt zu „%1“.</translation>
    </message>
    <message>
        <source>Dump databases of this server into the repository</source>
        <translation>Datenbanken dieses Servers in das Repository dumpen</translation>
    </message>
    <message>
        <source>Connect to the server first (see the Overview page): a dump needs the list of its databases.</source>
        <translation>Verbinden Sie sich zuerst mit dem Server (siehe Übersichtsseite): Ein Dump braucht die Liste seiner Datenbanken.</translation>
    </message>
    <message>
        <source>Restore databases or single tables of the selected dump into a server</source>
        <translation>Datenbanken oder einzelne Tabellen des gewählten Dumps in einen Server wiederherstellen</translation>
    </message>
    <message>
        <source>Select a dump to restore</source>
        <translation>Wählen Sie einen Dump zum Wiederherstellen</translation>
    </message>
    <message>
        <source>Base backups are restored from the Restore page.</source>
        <translation>Basissicherungen werden auf der Seite „Wiederherstellen“ zurückgespielt.</translation>
    </message>
    <message>
        <source>Verify found this backup damaged: it cannot be restored.</source>
        <translation>Die Prüfung hat diese Sicherung als beschädigt erkannt: Sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Only complete backups can be restored; this one is “%1”.</source>
        <translation>Nur vollständige Sicherungen können wiederhergestellt werden; diese ist „%1“.</translation>
    </message>
    <message>
        <source>Read every file of the selected backup back and check it against its manifest; dumps are also listed with pg_restore</source>
        <translation>Jede Datei der gewählten Sicherung zurücklesen und mit ihrem Manifest vergleichen; Dumps werden zusätzlich mit pg_restore aufgelistet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Verify failed.</source>
        <translation>Die Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Remove Debris…</source>
        <translation>Reste entfernen…</translation>
    </message>
    <message>
        <source>Remove this incomplete backup folder from the repository</source>
        <translation>Diesen unvollständigen Sicherungsordner aus dem Repository entfernen</translation>
    </message>
    <message>
        <source>Remove the selected backup and all its files from the repository</source>
        <translation>Die gewählte Sicherung mit allen Dateien aus dem Repository entfernen</translation>
    </message>
    <message>
        <source>Select a backup to delete</source>
        <translation>Wählen Sie eine Sicherung zum Löschen</translation>
    </message>
    <message>
        <source>This backup is being written or deleted right now.</source>
        <translation>Diese Sicherung wird gerade geschrieben oder gelöscht.</translation>
    </message>
    <message>
        <source>A job is reading or deleting this backup right now.</source>
        <translation>Ein Auftrag liest oder löscht diese Sicherung gerade.</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Begonnen: %1</translation>
    </message>
    <message>
        <source>Databases: %1</source>
        <translation>Datenbanken: %1</translation>
    </message>
    <message>
        <source>Size: %1 stored (%2 raw)</source>
        <translation>Größe: %1 gespeichert (%2 roh)</translation>
    </message>
    <message>
        <source>It has no manifest and cannot be restored. Its files are removed from the repository.</source>
        <translation>Sie hat kein Manifest und kann nicht wiederhergestellt werden. Ihre Dateien werden aus dem Repository entfernt.</translation>
    </message>
    <message>
        <source>All its files are removed from the repository. This cannot be undone.</source>
        <translation>Alle ihre Dateien werden aus dem Repository entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Remove Debris</source>
        <translation>Reste entfernen</translation>
    </message>
    <message>
        <source>Delete Backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Remove the incomplete backup %1?</source>
        <translation>Die unvollständige Sicherung %1 entfernen?</translation>
    </message>
    <message>
        <source>Delete backup %1?</source>
        <translation>Sicherung %1 löschen?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>PgVault::BaseBackupJob</name>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a compression level from 1 to 19.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 runs PostgreSQL %2; PgVault takes base backups of PostgreSQL %3 and newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the current user&apos;s role on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 runs with wal_level = minimal, which cannot take base backups. Set wal_level to replica and restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 allows no replication connections (max_wal_senders = 0). Set max_wal_senders to at least 2 and restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user “%1” may not take base backups on %2: it needs the REPLICATION attribute. As a superuser, run: ALTER ROLE %3 REPLICATION;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a standby; the base backup is taken from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a replication connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent an unexpected answer to IDENTIFY_SYSTEM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 reports an unknown WAL segment size “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 broke while %2: %3. No backup was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 found damaged data while sending the base backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base backup on %1 failed while %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a spread checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent an unexpected start point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint done; the backup starts at %1 on timeline %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent no tablespace list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent an archive after the manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent an unexpected archive “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent the archive “%2” twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent data before naming its archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive “%1” from %2 ended early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base archive from %1 holds no %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the server to end the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent its manifest twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup manifest from %1 is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent no backup manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ending the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent an unexpected stop point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup ends at %1; restoring it needs WAL %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s backup manifest from %1 is not valid JSON with a file list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s backup manifest from %1 names another cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s backup manifest from %1 lists %2 files, but the archives hold %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 announced %2 archives but sent %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base backup of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing base backup %1 of %2 (PostgreSQL %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Fertig</translation>
    </message>
    <message>
        <source>Base backup %1 is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base backup</source>
        <translation type="unfinished">Basissicherung</translation>
    </message>
</context>
<context>
    <name>PgVault::Cli</name>
    <message>
        <source>Check a server and the repository: facts, permissions, archiving, tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to the server given with --profile or --conninfo and reports its version and identity, the privileges of the role, WAL and archiving settings and the archiver&apos;s state, which client tools of the server&apos;s major version are installed, and whether the repository exists and is writable. Problems are listed with how to fix them. The exit status is 1 only when the server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished">Server</translation>
    </message>
    <message>
        <source>Client tools for PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a connection profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves a connection profile under NAME. STR is a libpq connection string (“host=db port=5432 user=backup dbname=postgres”) or URI (“postgresql://backup@db/postgres”). Passwords are kept in the system keychain, never in the settings file: use --ask-password, or put the password in STR and it is moved to the keychain. Without one, libpq looks in PGPASSWORD and ~/.pgpass when connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s name, e.g. “prod”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the password (without echo on a terminal, else one line from stdin) and keep it in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection with --conninfo STR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” already exists. Remove it first or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for profile “%1”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no system keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password cannot be saved: %1 Nothing of it was written to disk. When connecting, libpq looks in PGPASSWORD and ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the saved connection profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONNECTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles are saved. Add one with “%1 profile add NAME --conninfo STR”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a saved profile and its password in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is removed, but its password (if one was saved) could not be deleted from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed profile “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with a profile: server version, privileges, warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local demo PostgreSQL for trying PgVault without a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local demo PostgreSQL for trying PgVault without a server.

  create   set up the sandbox: the newest installed PostgreSQL, a sample database “shop”, WAL archived into the repository (--repo, else the default one), and a connection profile “Sandbox”
  start    start its server
  stop     stop its server
  status   whether it exists and runs, and how to connect (--json: machine-readable)
  remove   stop it and delete it; the repository and its backups are kept

The server listens only on a private unix socket folder, never on the network, so it needs no password. Its files live in ~/.local/share/pgvault/sandbox; as root, where PostgreSQL runs as the user “postgres”, in /var/lib/pgvault. PGVAULT_SANDBOX_DIR and PGVAULT_SANDBOX_SOCKET_DIR choose other folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create, start, stop, status or remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sandbox action “%1”; use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is running. Connect with: psql &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is running: PostgreSQL %1 on port %2, with the sample database “shop”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with:   psql &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or use the profile “%1”, e.g. %2 --profile %1 check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL is archived to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: not created. Create it with “%1 sandbox create”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running, not accepting connections (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished">Datenverzeichnis</translation>
    </message>
    <message>
        <source>Socket folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy one archived WAL file out of the repository (for restore_command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decompresses and verifies an archived WAL file and writes it to DEST, e.g. restore_command = &apos;pgvault-cli --repo /backups/pgvault wal-get %f %p&apos;. Exits with status 1 and prints nothing when the repository does not hold the file, as PostgreSQL expects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WAL file name (restore_command&apos;s %f).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write it (restore_command&apos;s %p).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wal-get %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the repository holds no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Create the repository first (a first backup does), or check --repo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store one WAL file in the repository (for archive_command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compresses and stores a WAL segment, .partial, .backup or .history file that PostgreSQL hands to archive_command, e.g. archive_command = &apos;pgvault-cli --repo /backups/pgvault wal-push %p&apos;. Pushing a file that is already stored with the same content succeeds; different content under the same name fails and never overwrites. The repository must exist (the first backup creates it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to store (archive_command&apos;s %p).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wal-push %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already stored as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 as %2 (%3 → %4 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named “%1”; no profiles are saved yet. Add one with “%2 profile add NAME --conninfo STR”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named “%1”. Known profiles: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --profile or --conninfo, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which server? Give --profile NAME or --conninfo STR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection string of profile “%1” in %2 cannot be read. Fix or re-add the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of profile “%1” cannot be read from the keychain: %2 Connecting without it (libpq may find one in PGPASSWORD or ~/.pgpass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing argument %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 COMMAND [options] [arguments]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1 %2” is not a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show help (for a command: after its name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON, one object per line: progress events, then one result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print no progress and no informational lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the technical details of errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository folder (default: $PGVAULT_REPO, the settings, ~/.local/share/pgvault/repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra PostgreSQL bin directory to search (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with this saved profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with this libpq connection string or URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this settings file instead of the default one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 failed (the message is on stderr), 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [global options] COMMAND [options] [arguments]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault backs up PostgreSQL servers: dumps, base backups and WAL archiving into a repository folder, and restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “%1 COMMAND --help” for the arguments and options of a command. Global options may come before or after the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [global options] %2 COMMAND [options] [arguments]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “%1 %2 COMMAND --help” for the arguments and options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch off echo on the terminal to read the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists but is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist yet; the first backup creates it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist, and %1 is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 cannot be created: %2 is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PgVault repository (format %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, holds backups of this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, nothing of this server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty folder; the first backup makes it a repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 is not writable for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “%1 --help” for the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “%1 %2 --help” for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling; what was written so far is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping; what is complete is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+C again to quit at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished">%1 von %2</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (not visible to this user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superuser</source>
        <translation type="unfinished">Superuser</translation>
    </message>
    <message>
        <source>replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no superuser, no replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>archive_mode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, archive_command “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, archive_library “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 archived, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; last archived %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; FAILING since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, database “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation type="unfinished">PostgreSQL %1</translation>
    </message>
    <message>
        <source>Role of server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standby (in recovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wal_level</source>
        <translation type="unfinished">wal_level</translation>
    </message>
    <message>
        <source>Archiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_wal_senders %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, replication slots %1 of %2 used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data checksums</source>
        <translation type="unfinished">Datenprüfsummen</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished">Datenbanken</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   (then restart the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete, not restorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged, not restorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Give the repository with --repo DIR (or PGVAULT_REPO).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the backups in the repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists every backup of every server in the repository, oldest first: id, kind, databases, server version, start (local time), duration, size before and after compression, and state. Folders that are being written, were left by an interrupted backup, or whose manifest is damaged are listed with that state; they cannot be restored. Run “verify” to check the stored data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATABASES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STORED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>There are no backups in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check stored backups for damage, without a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads every file of a backup (ID) or of all backups (--all, the default) and checks it against the manifest: present, of the stored size, with the recorded SHA-256, and decompressing completely to the recorded size. Incomplete backup folders and damaged manifests are reported too. Exits with status 1, naming the first bad file, when anything is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup to verify, as “list” shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify every backup in the repository (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a backup ID or --all, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) verified, no problems found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dump databases with pg_dump into the repository; prints the backup id last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumps databases of the server given with --profile or --conninfo into the repository, compressed with zstd, and checks the result with pg_restore before the backup counts as complete. Without --db or --all the database of the connection is dumped. --globals adds roles and tablespaces (pg_dumpall --globals-only). The custom format (default) dumps into one archive per database; the directory format dumps tables in parallel (--jobs). pg_dump of the server&apos;s major version or newer must be installed. The backup id is printed as the last line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database to dump (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dump every database that allows connections (not templates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also dump roles and tablespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom (default) or directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables dumped in parallel (directory format).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd level, 1 to 19 (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use either --db or --all, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown format “%1”; use custom or directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--jobs needs --format directory: pg_dump writes a custom archive with one job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a database of a dump into a server with pg_restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dump&apos;s backup id (see “list”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database to restore into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the database first (it must not exist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the backup&apos;s objects in the database before recreating them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only this schema (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only this table, as schema.table (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S.T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel pg_restore jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database of the backup to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the target database with --db NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--clean is for an existing database; with --create it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--jobs takes a number from 1 to 256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored “%1” into “%2” on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a physical base backup into the repository; prints the backup id last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes a base backup of the whole server given with --profile or --conninfo over a replication connection (like pg_basebackup -Ft), compressed with zstd, together with PostgreSQL&apos;s backup manifest, and checks what was stored before the backup counts as complete. The user needs the REPLICATION attribute, and pg_hba.conf must allow it a replication connection. The server starts with a checkpoint: a spread one unless --fast-checkpoint is given. When WAL archiving is on, the backup ends once the server has archived the WAL it needs. Works with PostgreSQL 14 and newer. The backup id is printed as the last line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server for an immediate checkpoint instead of a spread one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restores one database of the dump ID into database NAME of the server given with --conninfo or --profile. The backup&apos;s checksums are verified before the server is touched. --create creates NAME (it must not exist); otherwise NAME must exist, and if it already holds objects --clean is needed to drop and recreate the backup&apos;s objects. --schema and --table restore only those (a table with its data, sequences, indexes, constraints, triggers and the types it needs). --from-db chooses the database of a backup that holds several. --globals instead restores only the roles and tablespaces of a dump made with --globals: existing roles and tablespaces are left unchanged (each is reported), and role memberships are only added to roles it creates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore only the roles and tablespaces (not with --db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--globals restores only roles and tablespaces; it cannot be combined with --%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 role(s) into %2; %3 existing role(s) left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::ConnectionDialog</name>
    <message>
        <source>Save password in keychain</source>
        <translation>Passwort im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>Host name or address; a directory (starting with /) means a local Unix socket. Several hosts can be separated by commas.</source>
        <translation>Hostname oder Adresse; ein Verzeichnis (beginnend mit /) bedeutet einen lokalen Unix-Socket. Mehrere Hosts werden durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>same as the user name</source>
        <translation>wie der Benutzername</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>Ihr Anmeldename</translation>
    </message>
    <message>
        <source>Default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>disable — never use SSL</source>
        <translation>disable – nie SSL verwenden</translation>
    </message>
    <message>
        <source>allow — only if the server insists</source>
        <translation>allow – nur wenn der Server darauf besteht</translation>
    </message>
    <message>
        <source>prefer — use SSL when available</source>
        <translation>prefer – SSL verwenden, wenn verfügbar</translation>
    </message>
    <message>
        <source>require — always encrypt</source>
        <translation>require – immer verschlüsseln</translation>
    </message>
    <message>
        <source>verify-ca — encrypt and check the certificate</source>
        <translation>verify-ca – verschlüsseln und Zertifikat prüfen</translation>
    </message>
    <message>
        <source>verify-full — also check the host name</source>
        <translation>verify-full – auch den Hostnamen prüfen</translation>
    </message>
    <message>
        <source>The same connection as one libpq connection string (host=… port=… dbname=…) or postgresql:// URI. Edit either this or the fields above; the other follows. Every libpq option works here.</source>
        <translation>Dieselbe Verbindung als libpq-Verbindungszeichenkette (host=… port=… dbname=…) oder postgresql://-URI. Bearbeiten Sie diese oder die Felder darüber; das andere passt sich an. Hier funktioniert jede libpq-Option.</translation>
    </message>
    <message>
        <source>leave empty to use ~/.pgpass</source>
        <translation>leer lassen, um ~/.pgpass zu verwenden</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain. It is never written to PgVault&apos;s settings.</source>
        <translation>Das Passwort im Schlüsselbund des Systems aufbewahren. In die Einstellungen von PgVault wird es nie geschrieben.</translation>
    </message>
    <message>
        <source>No keychain is available, so the password is kept in memory only until PgVault closes; you will be asked for it again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar. Das Passwort bleibt daher nur im Arbeitsspeicher, bis PgVault beendet wird; beim nächsten Mal werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>Connection &amp;string:</source>
        <translation>&amp;Verbindungszeichenkette:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>Check that PgVault can reach the server with these settings.</source>
        <translation>Prüfen Sie, ob PgVault den Server mit diesen Einstellungen erreicht.</translation>
    </message>
    <message>
        <source>Edit Server “%1”</source>
        <translation>Server „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Stop Test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>superuser</source>
        <translation>Superuser</translation>
    </message>
    <message>
        <source>with REPLICATION</source>
        <translation>mit REPLICATION</translation>
    </message>
    <message>
        <source>without superuser or REPLICATION</source>
        <translation>ohne Superuser- oder REPLICATION-Recht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected.&lt;/b&gt; PostgreSQL %1 as “%2” (%3).</source>
        <translation>&lt;b&gt;Verbunden.&lt;/b&gt; PostgreSQL %1 als „%2“ (%3).</translation>
    </message>
    <message>
        <source>To look at:</source>
        <translation>Zu beachten:</translation>
    </message>
</context>
<context>
    <name>PgVault::DeleteBackupJob</name>
    <message>
        <source>Delete backup %1</source>
        <translation type="unfinished">Sicherung %1 löschen? {1?}</translation>
    </message>
    <message>
        <source>Making sure no other backup or delete runs on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 cannot be deleted now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was still being written a moment ago; look at the list again and delete it then if it is still not wanted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no backup %1 in the repository at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be deleted: %2 leftovers of earlier deletes have its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 was only partly deleted; what is left, %2, is not a backup any more and can be deleted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted backup %1: %n file(s) removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PgVault::DumpJob</name>
    <message>
        <source>%1 failed on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed for database “%2” on %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel dumps (%1 jobs) need the directory format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least one job and a compression level from 1 to 19.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 has no database to dump.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” does not exist on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumping “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumping database “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dumping roles and tablespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dump of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing backup %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Fertig</translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 is complete: %n database(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dump</source>
        <translation type="unfinished">Dump</translation>
    </message>
</context>
<context>
    <name>PgVault::ErrorDetailsDialog</name>
    <message>
        <source>Technical details:</source>
        <translation>Technische Details:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>PgVault::JobListModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  Warning: %2</source>
        <translation>%1  Warnung: %2</translation>
    </message>
    <message>
        <source>%1  Error: %2</source>
        <translation>%1  Fehler: %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>PgVault::JobPanel</name>
    <message>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Remove finished jobs from this list</source>
        <translation>Beendete Aufgaben aus dieser Liste entfernen</translation>
    </message>
    <message>
        <source>No jobs yet. Backups, restores and checks you start appear here with their progress.</source>
        <translation>Noch keine Aufgaben. Sicherungen, Wiederherstellungen und Prüfungen, die Sie starten, erscheinen hier mit ihrem Fortschritt.</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>all finished</source>
        <translation>alle beendet</translation>
    </message>
</context>
<context>
    <name>PgVault::JobRowWidget</name>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Show or hide the messages of this job</source>
        <translation>Meldungen dieser Aufgabe ein- oder ausblenden</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop this job and keep what it has finished so far</source>
        <translation>Diese Aufgabe anhalten und behalten, was sie bisher fertiggestellt hat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel this job and remove what it has written</source>
        <translation>Diese Aufgabe abbrechen und entfernen, was sie geschrieben hat</translation>
    </message>
    <message>
        <source>Log (%1)</source>
        <translation>Protokoll (%1)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
</context>
<context>
    <name>PgVault::MainWindow</name>
    <message>
        <source>PgVault</source>
        <translation>PgVault</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>Server &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Add a PostgreSQL server to back up</source>
        <translation>Einen PostgreSQL-Server zum Sichern hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Change the name or connection of the selected server</source>
        <translation>Name oder Verbindung des ausgewählten Servers ändern</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Remove the selected server from PgVault</source>
        <translation>Den ausgewählten Server aus PgVault entfernen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Connect again and read the selected server&apos;s state</source>
        <translation>Erneut verbinden und den Zustand des ausgewählten Servers lesen</translation>
    </message>
    <message>
        <source>&amp;About PgVault</source>
        <translation>&amp;Über PgVault</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Create &amp;Sandbox Server</source>
        <translation>&amp;Sandbox-Server anlegen</translation>
    </message>
    <message>
        <source>Create a local PostgreSQL server with sample data to try PgVault</source>
        <translation>Einen lokalen PostgreSQL-Server mit Beispieldaten anlegen, um PgVault auszuprobieren</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Add Server…</source>
        <translation>Server hinzufügen …</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>Server entfernen</translation>
    </message>
    <message>
        <source>Remove “%1” from PgVault?</source>
        <translation>„%1“ aus PgVault entfernen?</translation>
    </message>
    <message>
        <source>Its saved password is removed from the keychain too. The server itself and the backups in the repository are not touched.</source>
        <translation>Das gespeicherte Passwort wird auch aus dem Schlüsselbund entfernt. Der Server selbst und die Sicherungen im Repository bleiben unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No servers yet</source>
        <translation>Noch keine Server</translation>
    </message>
    <message>
        <source>No server selected</source>
        <translation>Kein Server ausgewählt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine laufenden Aufgaben</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n Aufgabe läuft</numerusform>
            <numerusform>%n Aufgaben laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>About PgVault</source>
        <translation>Über PgVault</translation>
    </message>
    <message>
        <source>&lt;b&gt;PgVault %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;PgVault %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Backups for PostgreSQL: dumps, base backups, WAL archiving and restores to any point in time.&lt;br&gt;&lt;br&gt;Built with Qt %1.</source>
        <translation>Sicherungen für PostgreSQL: Dumps, Basissicherungen, WAL-Archivierung und Wiederherstellung zu jedem Zeitpunkt.&lt;br&gt;&lt;br&gt;Erstellt mit Qt %1.</translation>
    </message>
    <message>
        <source>No keychain is available. Passwords you enter are kept in memory only until PgVault closes, so you will be asked for them again next time; they are never written to disk.</source>
        <translation>Es ist kein Schlüsselbund verfügbar. Eingegebene Passwörter bleiben nur im Arbeitsspeicher, bis PgVault beendet wird; beim nächsten Mal werden Sie erneut gefragt. Auf die Festplatte werden sie nie geschrieben.</translation>
    </message>
</context>
<context>
    <name>PgVault::NewDumpDialog</name>
    <message>
        <source>&amp;All databases</source>
        <translation>&amp;Alle Datenbanken</translation>
    </message>
    <message>
        <source>Also dump &amp;roles and tablespaces (globals)</source>
        <translation>Auch &amp;Rollen und Tablespaces dumpen (globale Objekte)</translation>
    </message>
    <message>
        <source>New Dump of “%1”</source>
        <translation>Neuer Dump von „%1“</translation>
    </message>
    <message>
        <source>pg_dump copies the chosen databases into the repository, compressed, and checks the result with pg_restore before the backup counts as complete.</source>
        <translation>pg_dump kopiert die gewählten Datenbanken komprimiert in das Repository und prüft das Ergebnis mit pg_restore, bevor die Sicherung als vollständig gilt.</translation>
    </message>
    <message>
        <source>Every database that allows connections, except the templates</source>
        <translation>Jede Datenbank, die Verbindungen erlaubt, außer den Vorlagen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>not visible</source>
        <translation>nicht sichtbar</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>pg_dumpall --globals-only: the roles (with their passwords&apos; hashes) and tablespaces the databases refer to</source>
        <translation>pg_dumpall --globals-only: die Rollen (mit den Hashes ihrer Passwörter) und Tablespaces, auf die sich die Datenbanken beziehen</translation>
    </message>
    <message>
        <source>Custom — one archive per database</source>
        <translation>Custom — ein Archiv pro Datenbank</translation>
    </message>
    <message>
        <source>Directory — tables dumped in parallel</source>
        <translation>Verzeichnis — Tabellen parallel gedumpt</translation>
    </message>
    <message>
        <source>zstd level: higher levels store less and take longer. 3 is a good balance for most data.</source>
        <translation>zstd-Stufe: Höhere Stufen speichern weniger und dauern länger. 3 ist für die meisten Daten ein guter Kompromiss.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>Parallele &amp;Aufträge:</translation>
    </message>
    <message>
        <source>&amp;Compression level:</source>
        <translation>&amp;Kompressionsstufe:</translation>
    </message>
    <message>
        <source>Start Dump</source>
        <translation>Dump starten</translation>
    </message>
    <message>
        <source>Tables pg_dump writes at the same time</source>
        <translation>Tabellen, die pg_dump gleichzeitig schreibt</translation>
    </message>
    <message>
        <source>The custom format is written by one job; choose the directory format to dump tables in parallel.</source>
        <translation>Das Custom-Format wird von einem Auftrag geschrieben; wählen Sie das Verzeichnisformat, um Tabellen parallel zu dumpen.</translation>
    </message>
    <message>
        <source>Choose at least one database.</source>
        <translation>Wählen Sie mindestens eine Datenbank.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>Estimate: %n database(s), %1 on the server; about %2 stored, taking %3. This is a rough guess from the database sizes: indexes are not dumped and how well data compresses varies.</source>
        <translation>
            <numerusform>Schätzung: %n Datenbank, %1 auf dem Server; etwa %2 gespeichert, Dauer %3. Das ist eine grobe Schätzung aus den Datenbankgrößen: Indizes werden nicht gedumpt, und wie gut sich Daten komprimieren lassen, ist unterschiedlich.</numerusform>
            <numerusform>Schätzung: %n Datenbanken, %1 auf dem Server; etwa %2 gespeichert, Dauer %3. Das ist eine grobe Schätzung aus den Datenbankgrößen: Indizes werden nicht gedumpt, und wie gut sich Daten komprimieren lassen, ist unterschiedlich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some sizes are not visible to this user.</source>
        <translation>Einige Größen sind für diesen Benutzer nicht sichtbar.</translation>
    </message>
    <message>
        <source>“%1” does not allow connections (ALLOW_CONNECTIONS false), so it cannot be dumped.</source>
        <translation>„%1“ erlaubt keine Verbindungen (ALLOW_CONNECTIONS false) und kann daher nicht gedumpt werden.</translation>
    </message>
    <message>
        <source>A template database: new databases start as a copy of it.</source>
        <translation>Eine Vorlagendatenbank: Neue Datenbanken beginnen als Kopie davon.</translation>
    </message>
</context>
<context>
    <name>PgVault::OverviewPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Save password in keychain</source>
        <translation>Passwort im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect again and read the server&apos;s state (F5)</source>
        <translation>Erneut verbinden und den Zustand des Servers lesen (F5)</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft am %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Could not connect to “%1”</source>
        <translation>Keine Verbindung zu „%1“</translation>
    </message>
    <message>
        <source>Enter the password to connect.</source>
        <translation>Geben Sie das Passwort ein, um sich zu verbinden.</translation>
    </message>
    <message>
        <source>Enter the password to connect. Without a keychain, PgVault keeps it in memory only until you close it.</source>
        <translation>Geben Sie das Passwort ein, um sich zu verbinden. Ohne Schlüsselbund behält PgVault es nur im Arbeitsspeicher, bis Sie das Programm beenden.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>No problems found: this server is ready for dumps, base backups and WAL archiving.</source>
        <translation>Keine Probleme gefunden: Dieser Server ist bereit für Dumps, Basissicherungen und WAL-Archivierung.</translation>
    </message>
    <message>
        <source>Not everything could be read: %1</source>
        <translation>Nicht alles konnte gelesen werden: %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Standby (read-only, replaying WAL)</source>
        <translation>Standby (nur lesend, spielt WAL ein)</translation>
    </message>
    <message>
        <source>Primary (accepts writes)</source>
        <translation>Primär (nimmt Schreibzugriffe an)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>System identifier</source>
        <translation>Systemkennung</translation>
    </message>
    <message>
        <source>Not visible to this user</source>
        <translation>Für diesen Benutzer nicht sichtbar</translation>
    </message>
    <message>
        <source>%1
on this computer</source>
        <translation>%1
auf diesem Computer</translation>
    </message>
    <message>
        <source>%1
on another computer</source>
        <translation>%1
auf einem anderen Computer</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Data checksums</source>
        <translation>Datenprüfsummen</translation>
    </message>
    <message>
        <source>Connected As</source>
        <translation>Verbunden als</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>WAL and Archiving</source>
        <translation>WAL und Archivierung</translation>
    </message>
    <message>
        <source>wal_level</source>
        <translation>wal_level</translation>
    </message>
    <message>
        <source>archive_mode</source>
        <translation>archive_mode</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>archive_command</source>
        <translation>archive_command</translation>
    </message>
    <message>
        <source>archive_library</source>
        <translation>archive_library</translation>
    </message>
    <message>
        <source>%1
at %2</source>
        <translation>%1
am %2</translation>
    </message>
    <message>
        <source>Nothing archived yet</source>
        <translation>Noch nichts archiviert</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Last archived</source>
        <translation>Zuletzt archiviert</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>max_wal_senders</source>
        <translation>max_wal_senders</translation>
    </message>
    <message>
        <source>Replication slots</source>
        <translation>Replikations-Slots</translation>
    </message>
    <message>
        <source>%1 of %2 in use</source>
        <translation>%1 von %2 belegt</translation>
    </message>
    <message>
        <source>%1 available</source>
        <translation>%1 verfügbar</translation>
    </message>
    <message>
        <source>WAL segment size</source>
        <translation>WAL-Segmentgröße</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>size not visible</source>
        <translation>Größe nicht sichtbar</translation>
    </message>
    <message>
        <source>No databases accept connections.</source>
        <translation>Keine Datenbank nimmt Verbindungen an.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>Client Tools on This Computer</source>
        <translation>Client-Programme auf diesem Computer</translation>
    </message>
    <message>
        <source>Not checked.</source>
        <translation>Nicht geprüft.</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Superuser
Everything PgVault does is allowed.</source>
        <translation>Superuser
Alles, was PgVault tut, ist erlaubt.</translation>
    </message>
    <message>
        <source>REPLICATION
Dumps, base backups and WAL streaming are allowed.</source>
        <translation>REPLICATION
Dumps, Basissicherungen und WAL-Streaming sind erlaubt.</translation>
    </message>
    <message>
        <source>Neither superuser nor REPLICATION
Dumps only: base backups and WAL streaming are blocked.</source>
        <translation>Weder Superuser noch REPLICATION
Nur Dumps: Basissicherungen und WAL-Streaming sind blockiert.</translation>
    </message>
</context>
<context>
    <name>PgVault::ProfileListModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1 (%2)
%3</translation>
    </message>
</context>
<context>
    <name>PgVault::ProfileStore</name>
    <message>
        <source>A profile with the id %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name contains a control character (such as a tab or a line break). Remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name “%1” starts or ends with a space. Remove the space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name “%1” contains a slash. Choose a name without “/” and “\”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name is %1 characters long. Use at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “%1” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection string contains a password, and PgVault never stores passwords in its settings. Remove the password from the connection string and enter it separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository path “%1” is relative. Give the full path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::RestoreDumpDialog</name>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <source>C&amp;reate the database</source>
        <translation>Datenbank &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Drop existing objects first (clean)</source>
        <translation>Vorhandene Objekte zuerst &amp;löschen (clean)</translation>
    </message>
    <message>
        <source>Restore Dump</source>
        <translation>Dump wiederherstellen</translation>
    </message>
    <message>
        <source>Dump %1, taken %2 from PostgreSQL %3.</source>
        <translation>Dump %1, erstellt %2 von PostgreSQL %3.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>What to Restore</source>
        <translation>Was wiederhergestellt wird</translation>
    </message>
    <message>
        <source>Create the database like the dumped one (encoding and locale). It must not exist yet.</source>
        <translation>Die Datenbank wie die gedumpte anlegen (Kodierung und Locale). Sie darf noch nicht existieren.</translation>
    </message>
    <message>
        <source>Restore into an existing database that already holds objects: the backup&apos;s objects are dropped there and created again, and their current data is lost.</source>
        <translation>In eine vorhandene Datenbank mit Objekten wiederherstellen: Die Objekte der Sicherung werden dort gelöscht und neu angelegt, ihre aktuellen Daten gehen verloren.</translation>
    </message>
    <message>
        <source>Restore Into</source>
        <translation>Wiederherstellen in</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Database &amp;name:</source>
        <translation>Datenbank&amp;name:</translation>
    </message>
    <message>
        <source>Parallel &amp;jobs:</source>
        <translation>Parallele &amp;Aufträge:</translation>
    </message>
    <message>
        <source>Start Restore</source>
        <translation>Wiederherstellung starten</translation>
    </message>
    <message>
        <source>This backup holds no database to restore.</source>
        <translation>Diese Sicherung enthält keine Datenbank zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Reading the backup&apos;s table of contents…</source>
        <translation>Inhaltsverzeichnis der Sicherung wird gelesen…</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Restored with its whole schema, or when a chosen table needs it.</source>
        <translation>Wird mit seinem ganzen Schema wiederhergestellt oder wenn eine gewählte Tabelle es braucht.</translation>
    </message>
    <message>
        <source>This database&apos;s dump holds no schemas with objects; it can still be restored as a whole.</source>
        <translation>Der Dump dieser Datenbank enthält keine Schemas mit Objekten; er kann trotzdem als Ganzes wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>This backup cannot be read.</source>
        <translation>Diese Sicherung kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The whole database will be restored.</source>
        <translation>Die ganze Datenbank wird wiederhergestellt.</translation>
    </message>
    <message>
        <source>Nothing is chosen.</source>
        <translation>Nichts ist ausgewählt.</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>Schema %1</translation>
    </message>
    <message numerus="yes">
        <source>%n schema(s)</source>
        <translation>
            <numerusform>%n Schema</numerusform>
            <numerusform>%n Schemas</numerusform>
        </translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n Tabelle</numerusform>
            <numerusform>%n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1.</source>
        <translation>Wiederhergestellt wird %1.</translation>
    </message>
    <message>
        <source>A table brings the sequences, types and functions it needs; foreign keys to tables not restored are left out.</source>
        <translation>Eine Tabelle bringt die Sequenzen, Typen und Funktionen mit, die sie braucht; Fremdschlüssel auf nicht wiederhergestellte Tabellen werden weggelassen.</translation>
    </message>
    <message>
        <source>There is no saved server to restore into.</source>
        <translation>Es gibt keinen gespeicherten Server zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Enter the name of the database to restore into.</source>
        <translation>Geben Sie den Namen der Zieldatenbank ein.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Drop Existing Objects</source>
        <translation>Vorhandene Objekte löschen</translation>
    </message>
    <message>
        <source>Drop the backup&apos;s objects in “%1” on %2 and create them again?</source>
        <translation>Die Objekte der Sicherung in „%1“ auf %2 löschen und neu anlegen?</translation>
    </message>
    <message>
        <source>Tables, views and other objects of the backup that exist in “%1” are dropped first; the data they hold now is lost.</source>
        <translation>Tabellen, Sichten und andere Objekte der Sicherung, die in „%1“ existieren, werden zuerst gelöscht; ihre jetzigen Daten gehen verloren.</translation>
    </message>
    <message>
        <source>Drop and Restore</source>
        <translation>Löschen und wiederherstellen</translation>
    </message>
    <message>
        <source>Tables pg_restore loads at the same time.</source>
        <translation>Tabellen, die pg_restore gleichzeitig lädt.</translation>
    </message>
    <message>
        <source>This dump is in the custom format, which is restored as one stream; dumps in the directory format can be restored in parallel.</source>
        <translation>Dieser Dump ist im Custom-Format und wird als ein Datenstrom wiederhergestellt; Dumps im Verzeichnisformat lassen sich parallel wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>PgVault::RestoreDumpJob</name>
    <message>
        <source>The backup %1 is not a dump; restore it with “restore”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds several databases (%2); choose one with --from-db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds no database “%2” (it holds %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of backup %1 does not list the file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” already exists on %2. Choose another name, or restore into it without --create (with --clean to replace its objects).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” does not exist on %2; use --create to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” on %2 is not empty. Restore into an empty database, create a new one with --create, or use --clean to drop and recreate the backup&apos;s objects in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1, database “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” was created with the server&apos;s default locale: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the database “%1” on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped the partly restored database “%1” again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a temporary folder in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n owner(s) or privilege(s) could not be restored because roles of the dumped server are missing on %1 (create them, e.g. from a dump with --globals): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pg_restore reported %n error(s) restoring into “%1” on %2:
%3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the target database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least one job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Fertig</translation>
    </message>
    <message>
        <source>Restored “%1” of backup %2 into “%3” on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a dump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom-format dump is restored by one pg_restore stream; parallel restores need a directory-format dump.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::RestoreGlobalsJob</name>
    <message>
        <source>The backup %1 is not a dump; restore it with “restore”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds no roles and tablespaces (it was made without --globals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore roles and tablespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest of backup %1 does not list the file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role “%1” exists on %2 and was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tablespace “%1” exists on %2 and was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped because the role “%1” does not exist on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped because it would change the existing role “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring roles and tablespaces into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the roles and tablespaces of backup %1 into %2 stopped at “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Fertig</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n role(s) and %1 tablespace(s) of backup %2 into %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PgVault::RestorePage</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restores of this server will be guided here step by step: choose the moment to go back to, PgVault picks the backup, you choose where the restored server runs, checks for space, port and WAL run before anything is written, and you can look at the restored data before switching over.</source>
        <translation>Hier werden Sie Schritt für Schritt durch Wiederherstellungen dieses Servers geführt: Sie wählen den Zeitpunkt, zu dem Sie zurückkehren möchten, PgVault wählt die Sicherung, Sie wählen, wo der wiederhergestellte Server läuft, Speicherplatz, Port und WAL werden geprüft, bevor etwas geschrieben wird, und Sie können die wiederhergestellten Daten ansehen, bevor Sie umschalten.</translation>
    </message>
</context>
<context>
    <name>PgVault::SandboxControlJob</name>
    <message>
        <source>Start the sandbox server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sandbox server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server is running on port %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::SandboxCreateJob</name>
    <message>
        <source>Create the sandbox server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::SandboxRemoveJob</name>
    <message>
        <source>Remove the sandbox server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository %1 was kept; it may hold backups you want.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::SecretStore</name>
    <message>
        <source>Waiting for the system keychain was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer in time. Try again; if it keeps happening, check that the keyring is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (such as GNOME Keyring or KWallet). PgVault keeps passwords in memory until it quits and will ask for them again next time; it never writes them to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so no saved password could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not saved because no system keychain is available. PgVault remembers it until it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so no saved password could be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Unlock the keychain (for example the login keyring) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be read from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain. PgVault remembers it until it quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be removed from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::ServerInspector</name>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished">Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Inspecting the server was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server inspection has not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the PostgreSQL %1 programs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::ServerSession</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
</context>
<context>
    <name>PgVault::ServerStatusText</name>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connected, with warnings</source>
        <translation>Verbunden, mit Warnungen</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>PgVault::ServerWarningWidget</name>
    <message>
        <source>Copy SQL</source>
        <translation>SQL kopieren</translation>
    </message>
    <message>
        <source>Copy the SQL to the clipboard, to run it as a superuser</source>
        <translation>Das SQL in die Zwischenablage kopieren, um es als Superuser auszuführen</translation>
    </message>
</context>
<context>
    <name>PgVault::Settings</name>
    <message>
        <source>Could not read or write the settings file “%1”. Check that its folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file “%1” is damaged. Move it away to start with default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown settings error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::TimelinePage</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>The history of this server will be drawn here on a time axis you can zoom from minutes to months: base backups and dumps as markers, archived WAL as bars with gaps in red, and restore points as flags. Clicking a moment will tell you at once whether it can be restored, and from which backup.</source>
        <translation>Hier wird die Geschichte dieses Servers auf einer Zeitachse gezeichnet, die Sie von Minuten bis Monaten zoomen können: Basissicherungen und Dumps als Markierungen, archiviertes WAL als Balken mit Lücken in Rot und Wiederherstellungspunkte als Fähnchen. Ein Klick auf einen Zeitpunkt zeigt sofort, ob er sich wiederherstellen lässt und aus welcher Sicherung.</translation>
    </message>
</context>
<context>
    <name>PgVault::VerifyJob</name>
    <message>
        <source>Verify all backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the list of backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup %1 is still being written; verify it once it is complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped %1: it is being written right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an incomplete backup without %2, left behind by an interrupted backup; it cannot be restored and may be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the contents of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verification found damage in %1: %2 (%n problem(s) in total)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is what is left of a backup whose deletion was interrupted; it cannot be restored and may be deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgVault::WelcomePage</name>
    <message>
        <source>Add a Server…</source>
        <translation>Server hinzufügen …</translation>
    </message>
    <message>
        <source>Create a Sandbox Server</source>
        <translation>Sandbox-Server anlegen</translation>
    </message>
    <message>
        <source>Welcome to PgVault</source>
        <translation>Willkommen bei PgVault</translation>
    </message>
    <message>
        <source>PgVault keeps your PostgreSQL data safe: dumps of single databases, base backups of the whole server and continuous WAL archiving, so you can go back to any moment. Start with the server you want to protect, or try everything on a sandbox server first.</source>
        <translation>PgVault schützt Ihre PostgreSQL-Daten: Dumps einzelner Datenbanken, Basissicherungen des ganzen Servers und fortlaufende WAL-Archivierung, damit Sie zu jedem Zeitpunkt zurückkehren können. Beginnen Sie mit dem Server, den Sie schützen möchten, oder probieren Sie zuerst alles an einem Sandbox-Server aus.</translation>
    </message>
    <message>
        <source>A small PostgreSQL server on this computer with sample data, to try backups and restores without risk.</source>
        <translation>Ein kleiner PostgreSQL-Server auf diesem Computer mit Beispieldaten, um Sicherungen und Wiederherstellungen ohne Risiko auszuprobieren.</translation>
    </message>
    <message>
        <source>Connect to a PostgreSQL server you already run, here or on another machine.</source>
        <translation>Mit einem PostgreSQL-Server verbinden, den Sie bereits betreiben, hier oder auf einem anderen Rechner.</translation>
    </message>
    <message>
        <source>Creating the Sandbox Server…</source>
        <translation>Sandbox-Server wird angelegt …</translation>
    </message>
    <message>
        <source>Setting up the sandbox server; the job panel below shows the progress. It will appear in the server list when it is ready.</source>
        <translation>Der Sandbox-Server wird eingerichtet; der Fortschritt steht unten bei den Aufgaben. Sobald er bereit ist, erscheint er in der Serverliste.</translation>
    </message>
    <message>
        <source>The sandbox server could not be created: %1</source>
        <translation>Der Sandbox-Server konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Backup manager for PostgreSQL</source>
        <translation>Sicherungsverwaltung für PostgreSQL</translation>
    </message>
</context>
</TS>
