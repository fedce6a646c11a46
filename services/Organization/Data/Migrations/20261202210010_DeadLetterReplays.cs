using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadLetterReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dead_letter_replays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replayed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    replayed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letter_replays", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_replays_replayed_at",
                table: "dead_letter_replays",
                column: "replayed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dead_letter_replays");
        }
    }
}
