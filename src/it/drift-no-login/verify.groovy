// With no login anywhere, drift stops with one line naming the server id it looked for and the environment
// variable, before it reads the migrations or connects: no stack trace, no report.
def log = new File(basedir, 'build.log').text
def errorLine = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert errorLine != null
assert errorLine.contains("refguard: invalid parameter 'serverId': no login for the database")
assert errorLine.contains('<server> with the id prod-db')
assert errorLine.contains('REFGUARD_DB_USER')
assert !log.contains('reading the catalogue') : 'it tried to connect'
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
assert !(log =~ /Execution \S+ of goal \S+ failed/)
assert !new File(basedir, 'target/refguard').exists()
return true
