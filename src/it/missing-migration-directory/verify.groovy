// A configured folder that does not exist stops the build before any analysis, with one line that names the
// entry and its absolute path, without a stack frame of refguard (the invoker runs with -e).
def log = new File(basedir, 'build.log').text
def missing = basedir.toPath().resolve('db/migrations').normalize().toString()
def expected = "refguard: cannot read the migrations: refguard.directories: db/migrations does not exist (${missing})"
def errorLine = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert errorLine != null
assert errorLine.contains(": ${expected} -> [Help 1]") : errorLine
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
assert !log.contains('Exception in thread')
assert !new File(basedir, 'target/refguard').exists()
return true
