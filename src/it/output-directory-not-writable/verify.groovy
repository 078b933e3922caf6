// The reports cannot be written below a regular file: the build stops with one line that names the output
// directory, the file in the way and the parameter, without a stack frame of refguard (the invoker runs with -e).
def log = new File(basedir, 'build.log').text
def out = basedir.toPath().resolve('reports/refguard').normalize().toString()
def file = basedir.toPath().resolve('reports').normalize().toString()
def expected = "refguard: cannot write refguard reports to ${out}: ${file} is a file, not a directory;" +
        ' check outputDirectory (refguard.outputDirectory)'
def errorLine = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert errorLine != null
assert errorLine.contains(": ${expected} -> [Help 1]") : errorLine
assert !(log =~ /(?m)^\s+at dev\.refguard\./) : 'a stack frame of refguard is printed'
assert !log.contains('Exception in thread')
// the analysis ran (its findings are on the console), the file in the way is untouched
assert log.contains('error[missing-reference-target]') || log.contains('refguard: 1 file')
assert new File(basedir, 'reports').text == 'not a folder\n'
return true
