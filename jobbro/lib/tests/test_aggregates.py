from jobbro.lib.aggregates import SMALLEST_GROUP, fold_small_groups, is_small


def test_it_shows_groups_of_at_least_five_and_folds_the_rest():
    groups = [("Syrien", 9), ("Eritrea", 5), ("Iran", 4), ("Ukraine", 1)]

    shown, rest = fold_small_groups(groups, size=lambda n: n)

    assert shown == [("Syrien", 9), ("Eritrea", 5)]
    assert rest == [4, 1]


def test_it_folds_groups_beyond_the_most_shown():
    groups = [("a", [1] * 7), ("b", [1] * 6), ("c", [1] * 5)]

    shown, rest = fold_small_groups(groups, size=len, most=2)

    assert [label for label, _g in shown] == ["a", "b"]
    assert rest == [[1] * 5]


def test_it_calls_fewer_than_five_people_small():
    assert SMALLEST_GROUP == 5
    assert is_small(4) and not is_small(5)
