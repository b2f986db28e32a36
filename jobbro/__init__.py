"""Jobbro: the working system of a Danish job centre's integration work with refugees."""
