package bad

p := 1 @ 2
