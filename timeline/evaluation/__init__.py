"""TimeML in and out (timeml) and the TempEval-3 scorer (score)."""
