using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Workflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class CasePhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bytes = table.Column<int>(type: "integer", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_photos_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "case_photo_contents",
                columns: table => new
                {
                    photo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_photo_contents", x => x.photo_id);
                    table.ForeignKey(
                        name: "fk_case_photo_contents_case_photos_photo_id",
                        column: x => x.photo_id,
                        principalTable: "case_photos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_photos_case_id_uploaded_at",
                table: "case_photos",
                columns: new[] { "case_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_photos_pending",
                table: "case_photos",
                column: "uploaded_at",
                filter: "case_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_photo_contents");

            migrationBuilder.DropTable(
                name: "case_photos");
        }
    }
}
