import pytest

from jobbro.lib import cvr
from jobbro.lib.cvr import CVRError


@pytest.mark.parametrize("number", ["29189587", "10150817"])
def test_it_accepts_real_cvr_numbers(number):
    assert cvr.normalize(number) == number
    assert cvr.is_valid(number)


@pytest.mark.parametrize("text", ["29 18 95 87", " 29189587 ", "2918-9587", "10 15 08 17"])
def test_it_allows_spaces_and_dashes(text):
    assert cvr.normalize(text) in ("29189587", "10150817")


@pytest.mark.parametrize("number", ["29189588", "29189578", "10150818", "12345678"])
def test_it_refuses_a_wrong_check_digit(number):
    with pytest.raises(CVRError) as e:
        cvr.normalize(number)
    assert str(e.value) == "CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke)."
    assert not cvr.is_valid(number)


@pytest.mark.parametrize("text", ["", None, "2918958", "291895870", "2918958A", "CVR29189587"])
def test_it_refuses_anything_but_eight_digits(text):
    with pytest.raises(CVRError) as e:
        cvr.normalize(text)
    assert str(e.value) == "CVR-nummeret skal bestå af 8 cifre."


def test_it_refuses_a_leading_zero():
    # 01000004 passes the weighted sum, but no CVR number begins with 0.
    assert sum(int(d) * w for d, w in zip("01000004", cvr.WEIGHTS, strict=True)) % 11 == 0
    with pytest.raises(CVRError) as e:
        cvr.normalize("01000004")
    assert str(e.value) == "Et CVR-nummer kan ikke begynde med 0."
