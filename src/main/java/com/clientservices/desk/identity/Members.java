package com.clientservices.desk.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers (members), their registered contacts (SPOCs) and account representatives. */
@Repository
public class Members {

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> find(long memberId) {
        return jdbc.sql("select member_id, name, account_representative from member where member_id = :id")
                .param("id", memberId)
                .query(Members::member)
                .optional();
    }

    public boolean isContact(long memberId, String userId) {
        return jdbc.sql("select count(*) from member_contact where member_id = :m and user_id = :u")
                        .param("m", memberId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The members a user may see tickets of: as their contact, or as their account representative. */
    public List<Long> visibleTo(String userId) {
        return jdbc.sql("""
                select member_id from member_contact where user_id = :u
                union
                select member_id from member where account_representative = :u
                """).param("u", userId).query(Long.class).list();
    }

    /** The members whose registered contact the user is. */
    public List<Member> contactOf(String userId) {
        return jdbc.sql("""
                select m.member_id, m.name, m.account_representative from member m
                join member_contact c on c.member_id = m.member_id where c.user_id = :u order by m.member_id
                """).param("u", userId).query(Members::member).list();
    }

    public void register(Member member) {
        jdbc.sql("insert into member (member_id, name, account_representative) values (:id, :name, :rep)")
                .param("id", member.id())
                .param("name", member.name())
                .param("rep", member.accountRepresentative())
                .update();
    }

    public void addContact(long memberId, String userId) {
        jdbc.sql("insert into member_contact (member_id, user_id) values (:m, :u)")
                .param("m", memberId)
                .param("u", userId)
                .update();
    }

    public List<Member> all() {
        return jdbc.sql("select member_id, name, account_representative from member order by member_id")
                .query(Members::member)
                .list();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("member_id"), rs.getString("name"), rs.getString("account_representative"));
    }

    public List<String> contacts(long memberId) {
        return jdbc.sql("select user_id from member_contact where member_id = :m order by user_id")
                .param("m", memberId)
                .query(String.class)
                .list();
    }

    /**
     * Registers the member, or replaces its name, representative and contacts; true when it was new.
     * The update says which, not an earlier look-up, which another transaction may have overtaken.
     */
    boolean save(Member member, List<String> contacts) {
        var updated = jdbc.sql("update member set name = :name, account_representative = :rep where member_id = :id")
                .param("id", member.id())
                .param("name", member.name())
                .param("rep", member.accountRepresentative())
                .update();
        if (updated == 0) {
            register(member);
        }
        jdbc.sql("delete from member_contact where member_id = :m")
                .param("m", member.id())
                .update();
        contacts.stream().distinct().forEach(contact -> addContact(member.id(), contact));
        return updated == 0;
    }

    public record Member(long id, String name, String accountRepresentative) {}
}
