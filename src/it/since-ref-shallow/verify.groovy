// One line, no stack trace, saying what to fetch.
def log = new File(basedir, 'build.log').text
def line = log.readLines().find { it.contains('no merge base with HEAD in this shallow clone') }
assert line != null : 'the shallow clone is not explained'
assert line.contains('git fetch --unshallow')
assert line.contains('sinceRef=origin/main')
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
assert !(log =~ /Execution \S+ of goal \S+ failed/)
return true
