# query: x := data.bad.p
package bad

p := bits.lsh(1, 2147483647)
