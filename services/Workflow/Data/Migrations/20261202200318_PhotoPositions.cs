using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Workflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhotoPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "case_photos",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "case_photos",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "latitude",
                table: "case_photos");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "case_photos");
        }
    }
}
