// A bad <severities> entry stops the build with one line that names the parameter, the bad id and the valid ids,
// before any analysis runs, and without a stack trace from refguard's code (the invoker runs Maven with -e).
def log = new File(basedir, 'build.log').text
def errorLine = log.readLines().find { it.contains("unknown rule id 'no-such-rule'") }
assert errorLine != null : 'the bad rule id is not named'
assert errorLine.contains('severities')
assert errorLine.contains('mixed-user-reference')
assert errorLine.contains('fk-type-mismatch')
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
// a configuration error, not a crash: Maven says "Failed to execute goal", not "Execution ... failed"
assert !(log =~ /Execution \S+ of goal \S+ failed/)
assert !new File(basedir, 'target/refguard').exists()
return true
