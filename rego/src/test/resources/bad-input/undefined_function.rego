package bad

p := nope(1)
