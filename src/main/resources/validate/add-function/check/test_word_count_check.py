import unittest

from textutil import word_count


class WordCountCheck(unittest.TestCase):
    def test_counts_whitespace_separated_words(self):
        self.assertEqual(word_count("one two  three\nfour"), 4)

    def test_empty_text_has_no_words(self):
        self.assertEqual(word_count(""), 0)
        self.assertEqual(word_count("   "), 0)
