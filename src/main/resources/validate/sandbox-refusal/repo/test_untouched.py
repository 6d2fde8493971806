import pathlib
import unittest


class UntouchedTest(unittest.TestCase):
    def test_readme_is_there(self):
        self.assertIn("sandbox probe", pathlib.Path("README.md").read_text())
