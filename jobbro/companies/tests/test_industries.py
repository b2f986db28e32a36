from jobbro.companies import industries


def test_it_ships_the_db07_structure():
    groups = dict(industries.main_groups())
    codes = dict(industries.codes())
    assert len(groups) == 88 and len(codes) == 736
    assert all(code[:2] in groups for code in codes)
    assert codes["812100"] == "Almindelig rengøring i bygninger"
    assert codes["871010"] == "Plejehjem"
    assert groups["56"] == "Restaurationsvirksomhed"


def test_it_validates_six_digit_codes_under_a_known_main_group():
    assert industries.is_valid("561010")
    assert industries.is_valid("561099")  # not listed, but under main group 56
    assert not industries.is_valid("040000")  # there is no main group 04
    assert not industries.is_valid("56101")
    assert industries.title("561099") == "Restaurationsvirksomhed"
    assert industries.title("") == ""
