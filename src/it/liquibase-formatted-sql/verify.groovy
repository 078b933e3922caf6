// A formatted SQL changelog: the FK on line 6 of 001-invoices.sql references accounts, created by the later include.
import groovy.json.JsonSlurper

def file = 'src/main/resources/db/changelog/sql/001-invoices.sql'
def line = new File(basedir, file).readLines('UTF-8').findIndexOf { it.contains('REFERENCES accounts') } + 1
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.stats.histories == ['src/main/resources/db/changelog/db.changelog-master.xml (Liquibase)']
def missing = json.findings.findAll { it.ruleId == 'missing-reference-target' }
assert missing.size() == 1 : "unexpected findings: ${json.findings}"
assert missing[0].file == file
assert missing[0].line == line
return true
