package bad

p := `raw
