using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexScoresAndPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "person_id",
                table: "index_inputs",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "community_id",
                table: "index_inputs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entered_by",
                table: "index_inputs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence",
                table: "index_inputs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "index_inputs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "previous_at",
                table: "index_inputs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "index_inputs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "scored",
                table: "index_inputs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "withdrawn",
                table: "index_inputs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "index_publications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subjects = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_publications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "index_published_scores",
                columns: table => new
                {
                    publication_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rubric_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_published_scores", x => new { x.publication_id, x.subject_id });
                });

            migrationBuilder.CreateTable(
                name: "index_scores",
                columns: table => new
                {
                    index = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    total = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rubric_version = table.Column<int>(type: "integer", nullable: false),
                    inputs = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_scores", x => new { x.index, x.period, x.subject_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_at",
                table: "index_inputs",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_community_id_at",
                table: "index_inputs",
                columns: new[] { "community_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_organization_id_at",
                table: "index_inputs",
                columns: new[] { "organization_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_index_inputs_unscored",
                table: "index_inputs",
                column: "id",
                filter: "NOT scored");

            migrationBuilder.CreateIndex(
                name: "ix_index_publications_index_period",
                table: "index_publications",
                columns: new[] { "index", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_index_published_scores_publication_id_rank",
                table: "index_published_scores",
                columns: new[] { "publication_id", "rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_publications");

            migrationBuilder.DropTable(
                name: "index_published_scores");

            migrationBuilder.DropTable(
                name: "index_scores");

            migrationBuilder.DropIndex(
                name: "ix_index_inputs_at",
                table: "index_inputs");

            migrationBuilder.DropIndex(
                name: "ix_index_inputs_community_id_at",
                table: "index_inputs");

            migrationBuilder.DropIndex(
                name: "ix_index_inputs_organization_id_at",
                table: "index_inputs");

            migrationBuilder.DropIndex(
                name: "ix_index_inputs_unscored",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "entered_by",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "evidence",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "previous_at",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "scored",
                table: "index_inputs");

            migrationBuilder.DropColumn(
                name: "withdrawn",
                table: "index_inputs");

            migrationBuilder.AlterColumn<Guid>(
                name: "person_id",
                table: "index_inputs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
