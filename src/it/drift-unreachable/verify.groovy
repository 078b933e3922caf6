// An unreachable database stops drift with one line that says so and names the URL, within the timeout, without a
// stack trace from refguard's code (the invoker runs Maven with -e) and without the password.
def log = new File(basedir, 'build.log').text
def errorLine = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert errorLine != null
assert errorLine.contains('refguard: cannot reach the database (timeout 3 s) at jdbc:postgresql://127.0.0.1:1/x: ')
assert errorLine.contains('refused')
// the one line is all there is of it: Maven's -e repeats the message, but no cause of the driver's follows
assert !log.contains('Caused by: org.postgresql')
assert !log.contains('s3cret-drift-pw') : 'the password is in the log'
assert !log.contains('Exception in thread')
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
assert !(log =~ /(?m)^\s+at org\.postgresql\./) : 'a stack frame of the driver is printed'
assert !(log =~ /Execution \S+ of goal \S+ failed/)
// nothing was compared, so no report was written
assert !new File(basedir, 'target/refguard/drift/refguard.json').exists()
return true
