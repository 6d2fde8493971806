"""Prices of a cart's items."""


def calc_total(items):
    return sum(price * quantity for price, quantity in items)
