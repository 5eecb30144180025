package dev.warden.sample.administration;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.SecuredEntity;

/** An employee of the shop. Staff see each other's names; only admins see and change salaries. */
@SecuredEntity
@AccessRule(roles = "Admin", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "name", access = Access.READ_WRITE), @Member(name = "salary", access = Access.READ_WRITE)})
@AccessRule(roles = "Staff", members = {@Member(name = "id", access = Access.READ), @Member(name = "name", access = Access.READ)})
public class Employee {
    private Long id;
    private String name;
    private long salary;

    public Employee() {}

    public Employee(Long id, String name, long salary) {
        this.id = id;
        this.name = name;
        this.salary = salary;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getSalary() {
        return salary;
    }

    public void setSalary(long salary) {
        this.salary = salary;
    }
}
