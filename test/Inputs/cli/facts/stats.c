/* stats.c - no CoNDIS code: a core finding, to compare outputs with. */
int Ratio(int Total, int Count) {
  int Zero = 0;
  return Total / Zero + Count;
}
