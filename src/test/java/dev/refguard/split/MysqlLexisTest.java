package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlLexisTest {
    private static String rewrite(String mysql) {
        String out = MysqlLexis.toPostgres(mysql);
        assertThat(out).as("same length").hasSameSizeAs(mysql);
        for (int i = 0; i < mysql.length(); i++) {
            if (mysql.charAt(i) == '\n') {
                assertThat(out.charAt(i)).as("line break at %d kept", i).isEqualTo('\n');
            }
        }
        return out;
    }

    private static List<String> statements(String mysql) {
        return StatementSplitter.split(rewrite(mysql)).statements().stream()
                .map(SqlStatement::text)
                .toList();
    }

    @Test
    void backticksBecomeDoubleQuotes() {
        assertThat(rewrite("CREATE TABLE `user list` (`id` INT)")).isEqualTo("CREATE TABLE \"user list\" (\"id\" INT)");
    }

    @Test
    void hashCommentsAreComments() {
        assertThat(statements("# drop it; then\nCREATE TABLE a (id INT); #\nCREATE TABLE b (id INT);"))
                .containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
    }

    @Test
    void backslashEscapedQuotesDoNotEndStrings() {
        assertThat(statements("INSERT INTO t VALUES ('it\\'s; fine', \"a \\\"b\\\"; c\");\nCREATE TABLE x (id INT);"))
                .hasSize(2)
                .last()
                .isEqualTo("CREATE TABLE x (id INT)");
    }

    @Test
    void doubleQuotedStringsAreStrings() {
        assertThat(rewrite("DEFAULT \"it's\"")).isEqualTo("DEFAULT 'it\"s'");
    }

    @Test
    void delimiterBlocksAreOneStatementEach() {
        String script = """
                DELIMITER ;;
                CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN
                  SET NEW.x = 1;
                  SET NEW.y = 2;
                END ;;
                DELIMITER ;
                CREATE TABLE b (id INT);
                """;
        List<String> statements = statements(script);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("CREATE TRIGGER t").endsWith("END");
        assertThat(statements.get(1)).isEqualTo("CREATE TABLE b (id INT)");
    }

    @Test
    void executableCommentsRunAndPlainOnesDoNot() {
        assertThat(statements("/*!40014 SET FOREIGN_KEY_CHECKS=0 */;\n/* CREATE TABLE c (id INT); */"))
                .containsExactly("SET FOREIGN_KEY_CHECKS=0");
        assertThat(statements("/*M!100100 SET x=1 */;")).containsExactly("SET x=1");
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(statements("/* a /* b */ CREATE TABLE d (id INT);")).containsExactly("CREATE TABLE d (id INT)");
    }

    @Test
    void unterminatedQuotesAreLeftForTheSplitter() {
        String text = "CREATE TABLE `a (id INT);";
        assertThat(rewrite(text)).isEqualTo(text);
        assertThat(StatementSplitter.split(rewrite("SELECT 'abc")).problems()).hasSize(1);
    }

    @Test
    void foreignKeyChecksAreFoundWhereSetNotWhereRead() {
        assertThat(MysqlLexis.FOREIGN_KEY_CHECKS
                        .matcher("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0")
                        .find())
                .isTrue();
        assertThat(MysqlLexis.FOREIGN_KEY_CHECKS
                        .matcher("SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS")
                        .find())
                .isFalse();
    }
}
