package bad

p := "\x41"
