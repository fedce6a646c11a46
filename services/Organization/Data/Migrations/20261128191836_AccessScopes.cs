using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccessScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "user_accounts",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "community_id",
                table: "people",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "membership_community_id",
                table: "people",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_community_id",
                table: "people",
                column: "community_id");

            // People registered before scopes: their community comes from their staff post or party organization.
            migrationBuilder.Sql("""
                UPDATE people p SET membership_community_id = o.community_id
                FROM party_organizations o WHERE o.id = p.member_organization_id;
                UPDATE people SET community_id = COALESCE(staff_community_id, membership_community_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_people_community_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "department",
                table: "user_accounts");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "membership_community_id",
                table: "people");
        }
    }
}
