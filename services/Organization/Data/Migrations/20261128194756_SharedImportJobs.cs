using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "protected_csv",
                table: "import_jobs",
                newName: "payload");

            migrationBuilder.AlterColumn<string>(
                name: "kind",
                table: "import_jobs",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            // Import kinds are now the importers' URL names (members, staff, units).
            migrationBuilder.Sql("UPDATE import_jobs SET kind = lower(kind);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "payload",
                table: "import_jobs",
                newName: "protected_csv");

            migrationBuilder.AlterColumn<string>(
                name: "kind",
                table: "import_jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);
        }
    }
}
