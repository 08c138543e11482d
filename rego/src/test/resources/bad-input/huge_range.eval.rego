# query: x := data.bad.p
package bad

p := numbers.range(1, 1e15)
