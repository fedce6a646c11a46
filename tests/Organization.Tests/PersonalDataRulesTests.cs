using Platform.BuildingBlocks.PersonalData;
using Platform.Organization.People;

namespace Platform.Organization.Tests;

public class PersonalDataRulesTests
{
    public static string IdCard(string first17) => Platform.Testing.TestIdCards.Complete(first17);

    [Fact]
    public void A_valid_id_card_number_is_accepted_with_a_lower_case_x()
    {
        var number = IdCard("11010519491231002");

        Assert.Equal("11010519491231002X", number);
        Assert.True(IdCardNumber.Parse(number.ToLowerInvariant()).IsSuccess);
    }

    [Theory]
    [InlineData("11010519491231002", "18 characters")]
    [InlineData("110105194912310021", "check character")]
    [InlineData("110105194913310020", "birth date")]
    public void A_wrong_id_card_number_is_refused_with_the_reason(string number, string reason)
    {
        var error = IdCardNumber.Parse(number).Error;

        Assert.Equal("invalid-id-card", error?.Code);
        Assert.Contains(reason, error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138 1234 5678", true)]
    [InlineData("0977-8221234", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("call me", false)]
    public void Phone_numbers_are_mainland_mobiles_or_landlines(string raw, bool valid) => Assert.Equal(valid, PhoneNumber.Parse(raw).IsSuccess);

    [Fact]
    public void Masks_keep_enough_to_recognise_and_no_more()
    {
        Assert.Equal("138****5678", Mask.Phone("13812345678"));
        Assert.Equal("110105********002X", Mask.IdCard("11010519491231002X"));
        Assert.Equal("德令哈市河西****", Mask.Address("德令哈市河西街道长江路12号3单元"));
    }
}
