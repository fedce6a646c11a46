using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class Indices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_inputs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_inputs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rubric_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    definition = table.Column<string>(type: "jsonb", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rubric_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_kind_source_key",
                table: "index_inputs",
                columns: new[] { "kind", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_person_id_at",
                table: "index_inputs",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_one_draft_per_index",
                table: "rubric_versions",
                column: "index",
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_rubric_versions_index_version",
                table: "rubric_versions",
                columns: new[] { "index", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_inputs");

            migrationBuilder.DropTable(
                name: "rubric_versions");
        }
    }
}
