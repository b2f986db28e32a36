"""Date arithmetic in the database, on PostgreSQL and SQLite alike.

Django has no portable "a date plus n years" or "days between two dates"; the measures need
both inside their queries (a citizen's anniversaries of residence, the 26 weeks after an
effort), so these two small expressions say it in each database's own words. On SQLite a
date is ISO text, and `date()` keeps it so, so comparisons with stored dates stay right.
"""

from django.db.models import DateField, Func, IntegerField


class AddDays(Func):
    """`expression` + `days` days, as a date."""

    output_field = DateField()

    def __init__(self, expression, days: int):
        super().__init__(expression)
        self.days = int(days)

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", [*params, f"{self.days:+d} days"]

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(CAST({sql} AS date) + %s)", [*params, self.days]


class AddYears(Func):
    """`expression` + `years` years, as a date (29 February: SQLite gives 1 March,
    PostgreSQL 28 February; a measure a day apart once in four years)."""

    output_field = DateField()

    def __init__(self, expression, years: int):
        super().__init__(expression)
        self.years = int(years)

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", [*params, f"{self.years:+d} years"]

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(CAST({sql} AS date) + make_interval(years => %s) AS date)", [
            *params,
            self.years,
        ]


class DaysBetween(Func):
    """Whole days from `start` to `end` (end − start; negative when end is earlier)."""

    output_field = IntegerField()

    def __init__(self, end, start):
        super().__init__(end, start)

    def as_sqlite(self, compiler, connection, **extra):
        end, end_params = compiler.compile(self.source_expressions[0])
        start, start_params = compiler.compile(self.source_expressions[1])
        return (
            f"CAST(ROUND(julianday({end}) - julianday({start})) AS integer)",
            [*end_params, *start_params],
        )

    def as_postgresql(self, compiler, connection, **extra):
        end, end_params = compiler.compile(self.source_expressions[0])
        start, start_params = compiler.compile(self.source_expressions[1])
        return f"(CAST({end} AS date) - CAST({start} AS date))", [*end_params, *start_params]
