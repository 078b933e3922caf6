// -Drefguard.skipPostgres=true, the one switch that skips the tests needing a PostgreSQL server, skips this IT too;
// without it, missing PostgreSQL binaries fail the IT in setup.groovy with a message saying what to install.
return !Boolean.getBoolean('refguard.skipPostgres')
