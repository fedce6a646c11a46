using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteer.Data.Migrations
{
    /// <inheritdoc />
    public partial class VolunteerOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_subject",
                table: "volunteers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers",
                column: "account_subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers");

            migrationBuilder.DropColumn(
                name: "account_subject",
                table: "volunteers");
        }
    }
}
