package dev.refguard.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangesTest {
    @TempDir
    Path temp;

    Path repo;

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", args) + ": " + out).isZero();
    }

    private void commit(String file, String sql) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sql);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", file);
    }

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(temp.resolve("repo"));
        git(repo, "init", "-q");
        commit("app/db/001_old.sql", "create table a (id int primary key);\n");
        commit("app/db/002_old.sql", "create table b (id int primary key);\n");
        git(repo, "checkout", "-q", "-b", "feature");
    }

    @Test
    void namesTheFilesAddedOrChangedSinceTheMergeBaseRelativeToTheBaseDirectory() throws Exception {
        // main moves on after the branch: its new file is not part of this change
        git(repo, "checkout", "-q", "main");
        commit("app/db/005_on_main.sql", "select 1;\n");
        git(repo, "checkout", "-q", "feature");
        commit("app/db/003_new.sql", "create table c (id int primary key);\n");
        Files.writeString(repo.resolve("app/db/002_old.sql"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(repo.resolve("app/db/004_untracked.sql"), "select 1;\n");
        Files.writeString(repo.resolve("outside.sql"), "select 1;\n");

        assertThat(GitChanges.since(repo.resolve("app"), "main"))
                .containsExactly("db/002_old.sql", "db/003_new.sql", "db/004_untracked.sql");
    }

    @Test
    void aMissingRefSaysWhatToFetch() {
        assertThatThrownBy(() -> GitChanges.since(repo, "origin/main"))
                .isInstanceOf(ScopeException.class)
                .hasMessage("sinceRef=origin/main is not a ref this clone has; fetch it first: git fetch origin main");
    }

    @Test
    void aShallowCloneWithoutTheMergeBaseSaysToUnshallow() throws Exception {
        git(repo, "checkout", "-q", "main");
        commit("app/db/003_main.sql", "select 1;\n");
        git(repo, "checkout", "-q", "feature");
        commit("app/db/004_feature.sql", "select 1;\n");
        Path clone = temp.resolve("clone");
        git(
                temp,
                "clone",
                "-q",
                "--depth",
                "1",
                "--no-single-branch",
                repo.toUri().toString(),
                clone.toString());
        git(clone, "checkout", "-q", "feature");

        assertThatThrownBy(() -> GitChanges.since(clone, "origin/main"))
                .isInstanceOf(ScopeException.class)
                .hasMessage("sinceRef=origin/main: no merge base with HEAD in this shallow clone; fetch the history:"
                        + " git fetch --unshallow (on GitHub Actions: actions/checkout with fetch-depth: 0)");
    }

    @Test
    void outsideAGitWorkingTreeItSaysSo() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        assertThatThrownBy(() -> GitChanges.since(plain, "main"))
                .isInstanceOf(ScopeException.class)
                .hasMessageStartingWith("sinceRef=main needs a git working tree");
    }

    @Test
    void fetchArgumentsSplitTheRemoteFromTheBranch() {
        assertThat(GitChanges.fetchArguments("origin/main")).isEqualTo("origin main");
        assertThat(GitChanges.fetchArguments("upstream/release/2.x")).isEqualTo("upstream release/2.x");
        assertThat(GitChanges.fetchArguments("main")).isEqualTo("origin main");
    }
}
