using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// The outbox wakes its relay at commit: a statement trigger on <c>outbox_messages</c> sends a notification on the
/// channel <see cref="Channel"/>, which Postgres delivers when (and only if) the writing transaction commits, once
/// per transaction however many rows it wrote. The relay listens on it (<see cref="OutboxRelay{TDbContext}"/>) and
/// polls only as a fallback.
/// </summary>
public static class OutboxNotification
{
    public const string Channel = "outbox_messages";

    /// <summary>In a service's migration: the trigger and its function.</summary>
    public static void AddOutboxNotification(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            $"""
            CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('{Channel}', '');
              RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
              FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
            """
        );

    public static void DropOutboxNotification(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            """
            DROP TRIGGER IF EXISTS outbox_messages_notify ON outbox_messages;
            DROP FUNCTION IF EXISTS outbox_messages_notify();
            """
        );
}
