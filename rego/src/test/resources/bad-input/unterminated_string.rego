package bad

p := "never closed
