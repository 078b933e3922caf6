// Before the build: record every file of the project outside the project, so that nothing refguard scans
// (or could write to) holds the record.
def snapshot = evaluate(new File(basedir, 'snapshot.groovy'))
def before = snapshot(basedir)
assert before.keySet().any { it.endsWith('.sql') }
def record = new File(basedir.parentFile, basedir.name + '-before.txt')
record.withWriter('UTF-8') { w -> before.each { k, v -> w << k << '\t' << v << '\n' } }
return true
