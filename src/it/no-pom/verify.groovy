// With no pom, the base directory is the current directory and the reports go to ./target/refguard.
import groovy.json.JsonSlurper

assert !new File(basedir, 'pom.xml').exists()
def migration = 'supabase/migrations/20240601000000_comments.sql'
def fkLine = new File(basedir, migration).readLines('UTF-8').findIndexOf { it.contains('references public.posts(id)') } + 1

def reportDir = new File(basedir, 'target/refguard')
assert reportDir.isDirectory()
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def findings = json.findings
assert findings.size() == 1 : "unexpected findings: ${findings}"
assert findings[0].ruleId == 'missing-reference-target'
assert findings[0].file == migration
assert findings[0].line == fkLine
assert findings[0].message.contains('posts')

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results*.ruleId == ['missing-reference-target']

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: 1 finding at or above error (1 missing-reference-target); see target/refguard/refguard.sarif')
// nothing leaked into a literal "${project.basedir}" folder of Maven's stub project
assert !new File(basedir, '${project.basedir}').exists()
return true
