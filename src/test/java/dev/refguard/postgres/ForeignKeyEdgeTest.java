package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.schema.SchemaGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyEdgeTest {
    @Test
    void edgeNamesBothEndsWithColumnsInConstraintOrder() {
        ForeignKeyEdge edge = new ForeignKeyEdge(
                "public",
                "line_items",
                List.of("order_id", "tenant_id"),
                "public",
                "orders",
                List.of("id", "tenant_id"),
                "line_items_order_id_tenant_id_fkey");

        assertThat(edge.edge()).isEqualTo("public.line_items(order_id, tenant_id) -> public.orders(id, tenant_id)");
        assertThat(edge.namedEdge()).endsWith(" [line_items_order_id_tenant_id_fkey]");
    }

    @Test
    void namesThatAreNotFoldedLowerCaseAreQuotedSoCaseDifferencesShow() {
        ForeignKeyEdge edge = new ForeignKeyEdge(
                "public", "Post", List.of("authorId"), "public", "users", List.of("id"), "Post_authorId_fkey");

        assertThat(edge.namedEdge())
                .isEqualTo("public.\"Post\"(\"authorId\") -> public.users(id) [\"Post_authorId_fkey\"]");
    }

    @Test
    void refguardForeignKeyBecomesTheSameEdge() {
        SchemaGraph.ForeignKey fk = new SchemaGraph.ForeignKey(
                "supabase/migrations",
                new SchemaGraph.Endpoint("public", "setlists", List.of("created_by")),
                new SchemaGraph.Endpoint("public", "users", List.of("id")),
                "setlists_created_by_fkey",
                "NO ACTION",
                "NO ACTION",
                "supabase/migrations/1_init.sql",
                3,
                false);

        assertThat(ForeignKeyEdge.of(fk))
                .isEqualTo(new ForeignKeyEdge(
                        "public",
                        "setlists",
                        List.of("created_by"),
                        "public",
                        "users",
                        List.of("id"),
                        "setlists_created_by_fkey"));
        assertThat(ForeignKeyEdge.of(fk).edge()).isEqualTo("public.setlists(created_by) -> public.users(id)");
    }
}
