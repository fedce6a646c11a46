using Platform.Grid.Grids;

namespace Platform.Grid.Tests;

public class GridCodeTests
{
    [Fact]
    public void A_well_formed_code_splits_into_its_four_parts()
    {
        var code = GridCode.Parse("632802001002003").Value!;

        Assert.Equal("632802", code.Division);
        Assert.Equal("001", code.Subdistrict);
        Assert.Equal("002", code.Community);
        Assert.Equal("003", code.Sequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("63280200100200")]
    [InlineData("6328020010020031")]
    [InlineData("63280200100200A")]
    public void A_code_of_the_wrong_shape_is_rejected(string? value)
    {
        var error = GridCode.Parse(value).Error;

        Assert.NotNull(error);
        Assert.Equal("invalid-grid-code", error.Code);
        Assert.Contains("15 digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000001002003", "administrative division")]
    [InlineData("632802000002003", "subdistrict")]
    [InlineData("632802001000003", "community")]
    [InlineData("632802001002000", "grid sequence")]
    public void The_error_names_the_part_that_is_wrong(string value, string part)
    {
        var error = GridCode.Parse(value).Error;

        Assert.NotNull(error);
        Assert.Contains($"The {part} part", error.Message, StringComparison.Ordinal);
    }
}
