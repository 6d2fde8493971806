import unittest

from shop import pricing


class RenameCheck(unittest.TestCase):
    def test_the_new_name_exists_and_the_old_one_is_gone(self):
        self.assertEqual(pricing.total_price([(2, 5)]), 10)
        self.assertFalse(hasattr(pricing, "calc_total"))
