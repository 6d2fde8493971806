import unittest

from shop.cart import Cart
from shop.pricing import calc_total


class CartTest(unittest.TestCase):
    def test_total(self):
        cart = Cart()
        cart.add(3, 2)
        cart.add(4)
        self.assertEqual(cart.total(), 10)

    def test_calc_total_of_nothing(self):
        self.assertEqual(calc_total([]), 0)


if __name__ == "__main__":
    unittest.main()
